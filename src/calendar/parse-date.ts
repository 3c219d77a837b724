/**
 * Reads one non-empty spreadsheet cell as a date. UK order only: dd/mm/yyyy, never mm/dd.
 * Hand-written scanner (no regex), so no backtracking on hostile input.
 */
import { type Day, dayFromYmd, daysInMonth, digitsAt } from './day.js';

export const NOT_A_DATE = 'not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Excel serial of 9999-12-31 (1900 date system). */
const MAX_SERIAL = 2958465;

/** What a 1904 date system serial is less than the 1900 system's for the same day: 1 January 1904 is 0 in one, 1462 in the other. */
const SERIALS_1904 = 1462;

/**
 * The day a non-empty cell's date is, or the problem (text) when it is not a date: no result
 * object, as this runs on every date cell of an input. A number is an Excel serial of the 1900
 * date system, or of the 1904 system when its workbook was saved with that (`date1904`).
 */
export function dateCellDay(value: unknown, date1904 = false): Day | string {
  if (typeof value === 'number') return date1904 ? fromSerial1904(value) : fromSerial(value);
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return 'not a date (invalid date value)';
    return checked(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'string') return fromString(value.trim());
  return NOT_A_DATE;
}

function fromSerial(serial: number): Day | string {
  if (!Number.isFinite(serial)) return NOT_A_DATE;
  if (serial < 1) return `${serial} is not an Excel date (Excel dates start at 1 = 1 January 1900)`;
  const whole = Math.floor(serial); // fractional part is the time of day
  if (whole === 60) {
    return 'Excel date 60 is 29 February 1900, which does not exist (a known Excel quirk)';
  }
  if (whole > MAX_SERIAL) return `${serial} is not an Excel date (it is beyond the year 9999)`;
  return whole > 60 ? whole - 25569 : whole - 25568;
}

/** A 1904 date system serial as the 1900 system's: Excel shows the same day for both. */
function fromSerial1904(serial: number): Day | string {
  if (!Number.isFinite(serial)) return NOT_A_DATE;
  if (serial < 0) return `${serial} is not an Excel date (this workbook uses Excel's 1904 date system, whose dates start at 0 = 1 January 1904)`;
  if (Math.floor(serial) > MAX_SERIAL - SERIALS_1904) return `${serial} is not an Excel date (it is beyond the year 9999)`;
  return fromSerial(serial + SERIALS_1904);
}

function checked(y: number, m: number, d: number): Day | string {
  if (y < 1 || y > 9999) return `year ${y} is not supported (expected 0001-9999)`;
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (d < 1 || d > daysInMonth(y, m)) return `${d} ${MONTH_NAMES[m - 1]} ${y} does not exist`;
  return dayFromYmd(y, m, d);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const SLASH = 0x2f;
const DASH = 0x2d;
const DOT = 0x2e;

/** Small cursor over the string. */
class Scanner {
  pos = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(): string {
    return this.s.charAt(this.pos);
  }
  /** Reads between min and max digits; undefined (cursor unchanged) if fewer than min. */
  digits(min: number, max: number): { value: number; length: number } | undefined {
    const from = this.pos;
    let value = 0;
    while (this.pos - from < max && isDigit(this.s.charCodeAt(this.pos))) {
      value = value * 10 + (this.s.charCodeAt(this.pos) - 48);
      this.pos++;
    }
    const length = this.pos - from;
    if (length < min || isDigit(this.s.charCodeAt(this.pos))) {
      this.pos = from;
      return undefined;
    }
    return { value, length };
  }
  eat(ch: string): boolean {
    if (this.s.charAt(this.pos) === ch) {
      this.pos++;
      return true;
    }
    return false;
  }
}

/**
 * dd/mm/yyyy (with / - or .) or yyyy-mm-dd and nothing more, as nearly every date in an export
 * is written: read at fixed places, as the scanner would read it but without its work;
 * undefined for anything else.
 */
function fromFixedForm(s: string): Day | string | undefined {
  if (s.length !== 10) return undefined;
  const sep = s.charCodeAt(2);
  if ((sep === SLASH || sep === DASH || sep === DOT) && s.charCodeAt(5) === sep) {
    const d = digitsAt(s, 0, 2);
    const m = digitsAt(s, 3, 2);
    const y = digitsAt(s, 6, 4);
    return d === undefined || m === undefined || y === undefined ? undefined : checked(y, m, d);
  }
  if (s.charCodeAt(4) === DASH && s.charCodeAt(7) === DASH) {
    const y = digitsAt(s, 0, 4);
    const m = digitsAt(s, 5, 2);
    const d = digitsAt(s, 8, 2);
    return d === undefined || m === undefined || y === undefined ? undefined : checked(y, m, d);
  }
  return undefined;
}

function fromString(s: string): Day | string {
  const fixed = fromFixedForm(s);
  if (fixed !== undefined) return fixed;
  const sc = new Scanner(s);
  const first = sc.digits(1, 4);
  if (!first) return NOT_A_DATE;

  if (first.length === 4) {
    // ISO yyyy-mm-dd, optionally followed by a time and zone (ignored: date taken as written).
    const m = sc.eat('-') ? sc.digits(2, 2) : undefined;
    const d = m && sc.eat('-') ? sc.digits(2, 2) : undefined;
    if (!m || !d) return NOT_A_DATE;
    if (!sc.done) {
      const sep = sc.peek();
      if (sep === 'T' || sep === 't' || sep === ' ') {
        sc.pos++;
        if (!time(sc)) return NOT_A_DATE;
      }
      zone(sc);
      if (!sc.done) return NOT_A_DATE;
    }
    return checked(first.value, m.value, d.value);
  }

  if (first.length > 2) return NOT_A_DATE;
  // dd/mm/yyyy with one separator used twice: '/', '-' or '.'
  const sep = sc.peek();
  if (sep !== '/' && sep !== '-' && sep !== '.') return NOT_A_DATE;
  sc.pos++;
  const m = sc.digits(1, 2);
  const y = m && sc.eat(sep) ? sc.digits(4, 4) : undefined;
  if (!m || !y) return NOT_A_DATE;
  if (!sc.done) {
    if (!sc.eat(' ') || !time(sc) || !sc.done) return NOT_A_DATE;
  }
  return checked(y.value, m.value, first.value);
}

/** hh:mm[:ss[.fff]] with sane ranges. */
function time(sc: Scanner): boolean {
  const h = sc.digits(1, 2);
  if (!h || !sc.eat(':')) return false;
  const min = sc.digits(2, 2);
  if (!min || h.value > 24 || min.value > 59) return false;
  if (sc.eat(':')) {
    const sec = sc.digits(2, 2);
    if (!sec || sec.value > 60) return false;
    if (sc.eat('.') && !sc.digits(1, 9)) return false;
  }
  return true;
}

/** Optional Z or ±hh[:mm] / ±hhmm. Consumes nothing if absent or malformed (caller then rejects). */
function zone(sc: Scanner): void {
  if (sc.eat('Z') || sc.eat('z')) return;
  const from = sc.pos;
  if (!sc.eat('+') && !sc.eat('-')) return;
  const hh = sc.digits(2, 4);
  if (hh && (hh.length === 2 || hh.length === 4)) {
    if (hh.length === 2 && sc.eat(':') && !sc.digits(2, 2)) sc.pos = from;
    return;
  }
  sc.pos = from;
}
