/**
 * Preloaded (`node --import`) into each tool's process in the comparison with DuckDB: at exit, it
 * writes the process's CPU time (all its threads) and peak memory to the file named by
 * BENCH_USAGE_FILE, which the bench reads after the process ends.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakBytes: usage.maxRSS * 1024 }));
});
