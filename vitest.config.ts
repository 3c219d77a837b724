import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the real CLI in child processes; the machine is shared.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
