// File names made from team and table names must be names every system will create.
import { describe, expect, it } from 'vitest';
import { distinctFileNames, safeName } from '../../src/report/file-name.js';

describe('file names from team names', () => {
  it.each(['CON', 'nul', 'Aux', 'PRN', 'COM1', 'lpt9', 'con.team', 'NUL '])('%j is not a name Windows reserves', (team) => {
    const file = safeName(team);
    expect(file.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/);
    expect(file).toMatch(/-file/);
  });

  it('drops trailing dots and spaces, and keeps ordinary names as they were', () => {
    expect(safeName('Team North. . ')).toBe('team-north');
    expect(safeName('Locality North / CIN Team 1')).toBe('locality-north-cin-team-1');
    expect(safeName('Console team')).toBe('console-team');
    expect(safeName('COM10')).toBe('com10');
    expect(safeName('Falcon')).toBe('falcon');
    expect(safeName('Beacon.team')).toBe('beacon.team');
  });

  it('drops apostrophes, straight or curly, rather than splitting the word', () => {
    expect(safeName("Children's homes")).toBe('childrens-homes');
    expect(safeName('Children\u2019s homes')).toBe('childrens-homes');
  });

  it('keeps team workbooks distinct when a reserved name and its replacement both occur', () => {
    const names = distinctFileNames(['CON', 'con-file', 'NUL'], 'xlsx');
    expect([...names.values()]).toEqual(['con-file.xlsx', 'con-file-2.xlsx', 'nul-file.xlsx']);
  });

  it('keeps a long name to 80 characters, with no dash or dot left at the cut; a name of nothing safe is "unnamed"', () => {
    expect(safeName('a'.repeat(100))).toBe('a'.repeat(80));
    expect(safeName(`${'b'.repeat(78)} .x`)).toBe('b'.repeat(78));
    expect(safeName('...///...')).toBe('unnamed');
    expect(safeName('-.Team.-')).toBe('team');
    expect(safeName('nul.txt')).toBe('nul-file.txt');
  });

  it('a name given again gets -2, -3, ... in the order given', () => {
    const names = distinctFileNames(['North', 'north', 'NORTH!', 'South'], 'csv');
    expect([...names]).toEqual([['North', 'north.csv'], ['north', 'north-2.csv'], ['NORTH!', 'north-3.csv'], ['South', 'south.csv']]);
  });
});
