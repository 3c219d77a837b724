/** A name safe as a file name on any system: letters, digits, dots and dashes, lower case. */
export const safeName = (name: string): string =>
  name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|-+$/g, '').toLowerCase().slice(0, 80) || 'unnamed';

/** Safe, distinct file names for these names (a repeat gets -2, -3, ...), in the order given. */
export function distinctFileNames(names: readonly string[], extension: string): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    const base = safeName(name);
    let file = `${base}.${extension}`;
    for (let k = 2; used.has(file); k++) file = `${base}-${k}.${extension}`;
    used.add(file);
    out.set(name, file);
  }
  return out;
}
