import { dayFromIso, type Day } from '../calendar/index.js';

/**
 * The as-of date: as given (yyyy-mm-dd), or today in Europe/London. The clock is read, and the
 * time-zone library loaded, only then: a run given its date (every scheduled one) does without.
 */
export async function resolveAsOf(given: string | undefined): Promise<Day> {
  const iso = given ?? (await import('luxon')).DateTime.now().setZone('Europe/London').toISODate()!;
  const day = dayFromIso(iso);
  if (day === undefined) throw new UsageError(`--as-of must be a date written yyyy-mm-dd (got "${given}")`);
  return day;
}

/** The command was used wrongly: say how, exit 2, no stack trace. */
export class UsageError extends Error {}
