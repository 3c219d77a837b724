/**
 * How deep JSON may nest: far beyond any rule or config (a rule's conditions nest a few levels),
 * far below what would exhaust the stack of the code that walks it.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Where JSON text first nests deeper than MAX_JSON_DEPTH (the offset of the bracket that does),
 * or undefined: counted over brackets outside strings, before anything parses it.
 */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
