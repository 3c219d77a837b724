import { DateTime } from 'luxon';
import { dayFromIso, type Day } from '../calendar/index.js';

/** The as-of date: as given (yyyy-mm-dd), or today in Europe/London (the clock is read only then). */
export function resolveAsOf(given: string | undefined, now: () => DateTime = () => DateTime.now()): Day {
  const iso = given ?? now().setZone('Europe/London').toISODate()!;
  const day = dayFromIso(iso);
  if (day === undefined) throw new UsageError(`--as-of must be a date written yyyy-mm-dd (got "${given}")`);
  return day;
}

/** The command was used wrongly: say how, exit 2, no stack trace. */
export class UsageError extends Error {}
