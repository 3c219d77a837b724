// The map of lists that groups rows by their related key, exceptions by due date or rule, and findings by kind.
import { expect, it } from 'vitest';
import { addToGroup } from '../../src/engine/add-to-group.js';

it('each item joins its key\'s list in the order added; a new key starts a list of its own; keys stay in first-seen order', () => {
  const groups = new Map<string, number[]>();
  for (const [key, n] of [['b', 1], ['a', 2], ['b', 3], ['c', 4], ['a', 5], ['b', 6]] as const) addToGroup(groups, key, n);
  expect([...groups]).toEqual([['b', [1, 3, 6]], ['a', [2, 5]], ['c', [4]]]);
});

it('a list already in the map is added to, not replaced', () => {
  const list = [{ id: 'x' }];
  const groups = new Map([['k', list]]);
  addToGroup(groups, 'k', { id: 'y' });
  expect(groups.get('k')).toBe(list);
  expect(list).toEqual([{ id: 'x' }, { id: 'y' }]);
});
