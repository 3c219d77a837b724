// The parts of `comply validate` that point a rule author at a problem: the line and column of a
// JSON pointer, JSON nested too deep, and "did you mean" for a misspelt name.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../src/rules/json-depth.js';
import { escapePointer, parseJsonTree, pointerOffset, positionAt } from '../../src/rules/json-source.js';
import { didYouMean, editDistance, nearestName, noColumn } from '../../src/rules/nearest-name.js';

describe('where a problem is in a file', () => {
  const text = '{\n  "a": [1, {"b/c": 2, "~x": 3}],\n  "z": {}\n}\n';
  const at = (pointer: string) => {
    const parsed = parseJsonTree(text);
    if (!('tree' in parsed)) throw new Error(parsed.error);
    return positionAt(text, pointerOffset(parsed.tree, pointer));
  };

  it('gives the line and column of an object member (its key) or an array item, keys escaped as JSON pointers escape them', () => {
    expect(at('')).toEqual({ line: 1, column: 1 });
    expect(at('/a')).toEqual({ line: 2, column: 3 });
    expect(at('/a/0')).toEqual({ line: 2, column: 9 });
    expect(at('/a/1')).toEqual({ line: 2, column: 12 });
    expect(at(`/a/1/${escapePointer('b/c')}`)).toEqual({ line: 2, column: 13 });
    expect(at(`/a/1/${escapePointer('~x')}`)).toEqual({ line: 2, column: 23 });
    expect(at('/z')).toEqual({ line: 3, column: 3 });
  });

  it('points at the deepest part that exists when the pointer goes further than the text', () => {
    expect(at('/a/7')).toEqual({ line: 2, column: 3 });
    expect(at('/z/missing')).toEqual({ line: 3, column: 3 });
    expect(at('/a/0/deeper')).toEqual({ line: 2, column: 9 });
    expect(at('/nothing')).toEqual({ line: 1, column: 1 });
  });

  it('escapes ~ and / in a key, ~ first', () => {
    expect(escapePointer('a~/b/~')).toBe('a~0~1b~1~0');
  });

  it('counts lines and columns from 1, a line ending where its newline is', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt('ab\ncd\nef', 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
  });

  it('reads strict JSON only, saying what is wrong and where', () => {
    expect(parseJsonTree('{"a": 1,}')).toEqual({ error: 'property name expected', offset: 8 });
    expect(parseJsonTree('{"a": 1} // note')).toEqual({ error: 'invalid comment token', offset: 9 });
    expect(parseJsonTree('')).toMatchObject({ offset: 0 });
    expect(parseJsonTree('   ')).toMatchObject({ offset: 3 });
    expect('tree' in parseJsonTree('{"a": [1, 2]}')).toBe(true);
  });
});

describe('JSON nested too deep', () => {
  const nested = (n: number, open = '[', close = ']') => `${open.repeat(n)}${close.repeat(n)}`;

  it(`allows ${MAX_JSON_DEPTH} levels and points at the bracket that goes one deeper`, () => {
    expect(tooDeepAt(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeepAt(nested(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    expect(tooDeepAt(nested(MAX_JSON_DEPTH + 1, '{"a":', '}'))).toBe(MAX_JSON_DEPTH * 5);
  });

  it('counts brackets closed as they close, and none inside strings (escaped quotes and all)', () => {
    expect(tooDeepAt(`${nested(60)}${nested(60)}`)).toBeUndefined();
    expect(tooDeepAt(`["${'['.repeat(200)}"]`)).toBeUndefined();
    expect(tooDeepAt(`["\\"${'['.repeat(200)}"]`)).toBeUndefined();
    expect(tooDeepAt(`["\\\\", ${nested(MAX_JSON_DEPTH)}]`)).toBe(7 + MAX_JSON_DEPTH - 1);
  });
});

describe('did you mean', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('abcd', 'acbd')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the nearest known name when at most a third of the letters (at least one) differ, case and spacing aside; the first of equals', () => {
    expect(nearestName('Start Dat', ['End Date', 'Start Date'])).toBe('Start Date');
    expect(nearestName('start  DATE', ['Start Date'])).toBe('Start Date');
    expect(nearestName('ax', ['ab'])).toBe('ab');
    expect(nearestName('abcdef', ['abcxyf'])).toBe('abcxyf');
    expect(nearestName('abcdef', ['axyzef'])).toBeUndefined();
    expect(nearestName('abcd', ['abce', 'abcf'])).toBe('abce');
    expect(nearestName('abcdef', ['abcdxx', 'abcdex'])).toBe('abcdex');
    expect(nearestName('xyz', ['abc'])).toBeUndefined();
  });

  it('ends a message with the suggestion, or with nothing', () => {
    expect(didYouMean('Wrker', ['Worker', 'Team'])).toBe(' (did you mean "Worker"?)');
    expect(didYouMean('Postcode', ['Worker', 'Team'])).toBe('');
    expect(noColumn({ id: 'staff', columns: { Worker: {}, Team: {} } }, 'Teem')).toBe('dataset "staff" has no column "Teem" (did you mean "Team"?)');
  });
});
