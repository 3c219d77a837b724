import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** 1-based line and column, as editors and CI logs show them. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The line and column of a character offset in the text. */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A property name as one segment of a JSON pointer. */
export const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

const segments = (pointer: string): string[] =>
  pointer === '' || pointer === '/' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Where a JSON pointer points in the parsed text: an object member's key, an array item's
 * start. When the pointer goes further than the text (a missing property), the deepest part found.
 */
export function pointerOffset(tree: Node, pointer: string): number {
  let node = tree;
  let offset = tree.offset;
  for (const segment of segments(pointer)) {
    const next =
      node.type === 'object'
        ? node.children?.find((member) => member.children?.[0]?.value === segment)
        : node.type === 'array'
          ? node.children?.[Number(segment)]
          : undefined;
    const value = next?.type === 'property' ? next.children?.[1] : next;
    if (!next || !value) break;
    offset = next.offset;
    node = value;
  }
  return offset;
}

const readable = (e: ParseError) => printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Parses strict JSON (no comments, no trailing commas) into a tree with offsets, or says where it breaks. */
export function parseJsonTree(text: string): { tree: Node } | { error: string; offset: number } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !tree) return { error: first ? readable(first) : 'empty file', offset: first?.offset ?? 0 };
  return { tree };
}
