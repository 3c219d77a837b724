import { fileURLToPath } from 'node:url';

/** The installed package's own folder (works from src/ under tsx and from dist/ after a build). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPPED_RULES = fileURLToPath(new URL('../../rules/', import.meta.url));
