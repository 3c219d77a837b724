import type { PackProblem } from './validate-pack.js';

/** One problem on one line, `file:line:column: pointer: message`, as editors and CI logs link them. */
export function problemText(p: PackProblem, folder = ''): string {
  const at = p.line === undefined ? '' : `:${p.line}:${p.column ?? 1}`;
  return `${folder}${p.file}${at}: ${p.pointer}: ${p.warning ? 'warning: ' : ''}${p.message}`;
}
