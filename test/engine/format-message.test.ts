import { expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { formatMessage } from '../../src/engine/format.js';

const facts = { latest: dayFromIso('2016-07-18')!, due: null, count: 3 };
const kinds = { latest: 'date', due: 'date', count: 'number' } as const;

it('shows dates as dd/mm/yyyy and an empty fact as "none"', () => {
  expect(formatMessage('latest {latest}, due {due}, {count} times', facts, kinds)).toBe('latest 18/07/2016, due none, 3 times');
});

it('shows the text after | when the fact is empty, and the value when it is not', () => {
  expect(formatMessage('latest {latest|no review recorded}; due {due|unknown}', facts, kinds)).toBe('latest 18/07/2016; due unknown');
  expect(formatMessage('{due|}{latest:month|never}', facts, kinds)).toBe('July 2016');
});
