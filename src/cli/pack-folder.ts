import { relative, sep } from 'node:path';
import { SHIPPED_RULES } from '../node/paths.js';

/** The rules folder as a user would write it, ending in "/", to put before a pack file's path. */
export function packFolderLabel(dir: string | undefined): string {
  const shown = dir ?? (relative(process.cwd(), SHIPPED_RULES) || '.');
  return `${shown.split(sep).join('/').replace(/\/*$/, '')}/`;
}
