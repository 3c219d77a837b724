import { dayFromIso, isoFromDay, ymdFromDay } from '../calendar/index.js';
import type { FactValue } from '../facts/fact-value.js';
import type { ShownKind, ShownValue } from './outcome.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Dates as messages show them, remembered: a report's messages repeat the same few thousand days. */
const ukTexts = new Map<number, string>();

/** dd/mm/yyyy, as English users read dates. */
export function ukDate(day: number): string {
  let text = ukTexts.get(day);
  if (text === undefined) {
    const { y, m, d } = ymdFromDay(day);
    text = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
    if (ukTexts.size < 100_000) ukTexts.set(day, text);
  }
  return text;
}

/** An ISO date (yyyy-mm-dd) as dd/mm/yyyy; "none" for no date. */
export const ukIso = (iso: string | null): string => (iso === null ? 'none' : ukDate(dayFromIso(iso) ?? 0));

export function monthName(day: number): string {
  const { y, m } = ymdFromDay(day);
  return `${MONTHS[m - 1]} ${y}`;
}

/** A fact as an output column holds it: dates as ISO text, months as YYYY-MM. */
export function showValue(value: FactValue, kind: ShownKind): ShownValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (kind === 'date') return isoFromDay(value);
    if (kind === 'month') return isoFromDay(value).slice(0, 7);
    return value;
  }
  if (typeof value === 'string') return value;
  return String(value);
}

/** `{fact}`, `{fact:month}`, `{fact|text if empty}` in a rule's message. */
export const MESSAGE_PLACEHOLDER = /\{([A-Za-z][\w]*)(?::(month|date|number))?(?:\|([^{}]*))?\}/g;

function placeholderText(value: FactValue | undefined, kind: ShownKind, ifEmpty: string | undefined): string {
  if (value === null || value === undefined) return ifEmpty ?? 'none';
  if (typeof value === 'number' && kind === 'date') return ukDate(value);
  if (typeof value === 'number' && kind === 'month') return monthName(value);
  return String(value);
}

/**
 * How many distinct messages a compiled message keeps, each made once for all the exceptions
 * that show it. A rule's messages repeat: the drift rule's depends on the start date alone, so
 * half a million exceptions have a few hundred texts. A message that names each row's own values
 * is made afresh once this many are kept.
 */
export const REMEMBERED_MESSAGES = 4096;

/** Messages kept by their placeholders' values, one level of maps per placeholder. */
type Kept = Map<unknown, Kept | string>;

const isPlain = (value: FactValue | undefined) => value === null || typeof value !== 'object';

/**
 * A message template parsed once; the result fills its placeholders from a lookup, as
 * formatMessage does. A message whose placeholders' values are all plain (text, numbers, dates,
 * empty: not a list) is kept by those values and given again when they come again: half a
 * million drift exceptions made their messages in about 0.3 s and held 67 MB of them.
 */
export function compileMessage(template: string, kinds: Record<string, ShownKind>): (value: (name: string) => FactValue | undefined) => string {
  const literals: string[] = [];
  const holes: { name: string; kind: ShownKind; ifEmpty: string | undefined }[] = [];
  let last = 0;
  for (const m of template.matchAll(MESSAGE_PLACEHOLDER)) {
    literals.push(template.slice(last, m.index));
    holes.push({ name: m[1]!, kind: (m[2] as ShownKind | undefined) ?? kinds[m[1]!] ?? 'text', ifEmpty: m[3] });
    last = m.index + m[0].length;
  }
  literals.push(template.slice(last));
  if (holes.length === 0) return () => literals[0]!;
  // Joined, not concatenated: a join makes one flat string, where concatenation makes a tree of
  // pieces, larger than the text and copied flat again when the report is written (at half a
  // million exceptions, about 100 MB more at the peak).
  const parts: string[] = new Array<string>(2 * holes.length + 1);
  const values: (FactValue | undefined)[] = new Array<FactValue | undefined>(holes.length);
  const made = (): string => {
    parts[0] = literals[0]!;
    for (let i = 0; i < holes.length; i++) {
      const hole = holes[i]!;
      parts[2 * i + 1] = placeholderText(values[i], hole.kind, hole.ifEmpty);
      parts[2 * i + 2] = literals[i + 1]!;
    }
    return parts.join('');
  };
  const kept: Kept = new Map();
  let keptCount = 0;
  /** The message for the values, kept under them while fewer than REMEMBERED_MESSAGES are. */
  const keep = (): string => {
    const text = made();
    if (keptCount >= REMEMBERED_MESSAGES) return text;
    keptCount++;
    let level = kept;
    for (let i = 0; i < values.length - 1; i++) {
      let next = level.get(values[i]) as Kept | undefined;
      if (next === undefined) level.set(values[i], (next = new Map()));
      level = next;
    }
    level.set(values[values.length - 1], text);
    return text;
  };
  return (value) => {
    let plain = true;
    for (let i = 0; i < holes.length; i++) plain = isPlain((values[i] = value(holes[i]!.name))) && plain;
    if (!plain) return made();
    let found: Kept | string | undefined = kept;
    for (let i = 0; i < values.length && found !== undefined; i++) found = (found as Kept).get(values[i]);
    return found === undefined ? keep() : (found as string);
  };
}

/**
 * Fills `{fact}` placeholders; `{fact:month}` names the month; `{fact|text}` shows the text when
 * the fact is empty (otherwise "none"). Dates read dd/mm/yyyy.
 */
export function formatMessage(template: string, facts: Record<string, FactValue>, kinds: Record<string, ShownKind>): string {
  return compileMessage(template, kinds)((name) => facts[name]);
}
