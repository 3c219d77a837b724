/**
 * Civil-calendar days as plain integers: `Day` = days since 1970-01-01
 * (proleptic Gregorian, no time zone). Conversions use Howard Hinnant's
 * days_from_civil / civil_from_days algorithms: integer arithmetic only.
 */
export type Day = number;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 for year y, month m (1-12), day d. Inputs are not validated. */
export function dayFromYmd(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** Hinnant's civil_from_days: the arithmetic behind ymdFromDay, for any day. */
function civilFromDay(day: Day): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  ); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March-based
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

/**
 * Year, month and day of every day from 1900 to 2099, worked out once (on first use) and packed
 * as y * 512 + m * 32 + d: a million rows' dates become table lookups, not divisions.
 */
const TABLE_FIRST = -25567; // 1900-01-01
const TABLE_SIZE = 73049; // to 2099-12-31
let table: Int32Array | undefined;

function ymdTable(): Int32Array {
  if (!table) {
    table = new Int32Array(TABLE_SIZE);
    for (let i = 0; i < TABLE_SIZE; i++) {
      const { y, m, d } = civilFromDay(TABLE_FIRST + i);
      table[i] = y * 512 + m * 32 + d;
    }
  }
  return table;
}

/** The day packed as y * 512 + m * 32 + d (from the table when it covers the day). */
export function packedYmd(day: Day): number {
  const i = day - TABLE_FIRST;
  if (i >= 0 && i < TABLE_SIZE && Number.isInteger(day)) return ymdTable()[i]!;
  const { y, m, d } = civilFromDay(day);
  return y * 512 + m * 32 + d;
}

export const packedYear = (packed: number): number => Math.floor(packed / 512);
export const packedMonth = (packed: number): number => (packed >> 5) & 15;
export const packedDay = (packed: number): number => packed & 31;

export function ymdFromDay(day: Day): Ymd {
  const p = packedYmd(day);
  return { y: packedYear(p), m: packedMonth(p), d: packedDay(p) };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in month m (1-12) of year y. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return DAYS_IN_MONTH[m - 1] ?? NaN;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO text of days in the table's range, made on first use: exception lists repeat the same dates. */
const isoTexts: (string | undefined)[] = [];

/** 'YYYY-MM-DD' (years outside 0-9999 get a sign / extra digits). */
export function isoFromDay(day: Day): string {
  const i = day - TABLE_FIRST;
  const inTable = i >= 0 && i < TABLE_SIZE && Number.isInteger(day);
  const known = inTable ? isoTexts[i] : undefined;
  if (known !== undefined) return known;
  const { y, m, d } = ymdFromDay(day);
  const year = y < 0 ? '-' + pad(-y, 4) : pad(y, 4);
  const iso = `${year}-${pad(m, 2)}-${pad(d, 2)}`;
  if (inTable) isoTexts[i] = iso;
  return iso;
}

/** The number written by `count` digits from `start`; undefined if any is not a digit. */
export function digitsAt(s: string, start: number, count: number): number | undefined {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
  }
  return v;
}

/** Strict 'YYYY-MM-DD' parser; undefined for anything else or an impossible date. */
export function dayFromIso(s: string): Day | undefined {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return undefined;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : undefined;
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. (1970-01-01 was a Thursday.) */
export function weekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** b - a: positive when b is later. */
export function daysBetween(a: Day, b: Day): number {
  return b - a;
}
