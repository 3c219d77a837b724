// A report's text is written in pieces; the file must hold exactly its UTF-8, whatever falls on a piece's edge.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXT_PIECE, writeAtomic } from '../../src/node/write-output.js';

const dir = mkdtempSync(join(tmpdir(), 'comply-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeAtomic(path, text);
  return readFileSync(path);
};

describe('writing a text output', () => {
  it('writes the UTF-8 of a text longer than a piece, with a character of two UTF-16 units across the edge', async () => {
    const text = `${'a'.repeat(TEXT_PIECE - 1)}😀 é “quoted” ${'z'.repeat(TEXT_PIECE)}😀`;
    expect(text.charCodeAt(TEXT_PIECE - 1)).toBe(0xd83d);
    expect((await written('across.json', text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes text given in pieces as the UTF-8 of their whole, a character cut between two pieces written whole', async () => {
    const pieces = ['{"a":"', 'é'.repeat(TEXT_PIECE - 7), '\ud83d', '\ude00', '"', ...Array.from({ length: 3000 }, (_, i) => `,"k${i}":"“${'x'.repeat(i)}”"`), '}\n'];
    const path = join(dir, 'pieces.json');
    await writeAtomic(path, (function* () {
      yield* pieces;
    })());
    const text = pieces.join('');
    expect(text.charCodeAt(TEXT_PIECE - 1)).toBe(0xd83d);
    expect(text.length).toBeGreaterThan(3 * TEXT_PIECE);
    expect(readFileSync(path).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes the lines of a report many times larger than its buffers in order, each line once', async () => {
    const lines = Array.from({ length: 400_000 }, (_, i) => `    {"line":${i},"text":"${'é'.repeat(i % 40)}"},\n`);
    const path = join(dir, 'many.json');
    await writeAtomic(path, lines);
    const text = lines.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(8 * 3 * TEXT_PIECE);
    expect(readFileSync(path).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes short and empty texts whole, and leaves no temporary file behind', async () => {
    expect((await written('short.json', '{}\n')).toString('utf8')).toBe('{}\n');
    expect((await written('empty.txt', '')).length).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
