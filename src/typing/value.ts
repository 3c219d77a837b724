import type { SourceRef } from '../findings/finding.js';

/** A cell that could not be read as its column's type: carried so rules can say "not evaluable". */
export class Invalid {
  constructor(
    readonly raw: string,
    readonly problem: string,
    readonly ref: SourceRef,
  ) {}
}

/** A typed cell: text (ids, text), a number (numbers, dates as day numbers), empty, or unreadable. */
export type Value = string | number | null | Invalid;
