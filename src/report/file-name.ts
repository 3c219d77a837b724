/** Names Windows reserves for devices, with any extension after them (NUL.txt is NUL). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;

/**
 * A name safe as a file name on any system: letters, digits, dots and dashes, lower case, with
 * no dot or dash at either end (apostrophes dropped: "Children's homes" is childrens-homes); a
 * name Windows reserves (CON, NUL, COM1, ...) gets "-file" after it.
 */
export function safeName(name: string): string {
  const safe = name.replace(/['\u2018\u2019`]/g, '').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').toLowerCase().slice(0, 80).replace(/[-.]+$/, '') || 'unnamed';
  return RESERVED.test(safe) ? safe.replace(/^[^.]+/, (stem) => `${stem}-file`) : safe;
}

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
