import type { ExceptionRecord } from './outcome.js';

const compareIds = (a: ExceptionRecord, b: ExceptionRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A rule's exceptions due on one date, in the order raised, repeats among them; and whether their
 * ids have come in rising order, each greater than the one before (rows read in id order), with
 * the last id raised.
 */
interface DueGroup {
  records: ExceptionRecord[];
  rising: boolean;
  last: string;
}

/**
 * One rule's exceptions as they are raised, kept in one list per due date (none: ''), repeats
 * among them, and given back in due-date order with the repeats merged. Half a million exceptions
 * share a few hundred due dates, so sorting each list compares far fewer ids, and no due dates,
 * than one sort of the whole list; repeats are found by the sort, with no set of ids looked up as
 * each exception is raised. A list whose ids were raised in rising order is in order already,
 * with no repeat: it is not sorted (its ids were compared as they were raised, while they were in
 * the cache, not fetched again from all over memory).
 */
export class ExceptionsByDueDate {
  private readonly byDue = new Map<string, DueGroup>();

  raise(e: ExceptionRecord): void {
    const due = e.dueDate ?? '';
    const group = this.byDue.get(due);
    if (!group) {
      this.byDue.set(due, { records: [e], rising: true, last: e.id });
      return;
    }
    if (group.rising && !(e.id > group.last)) group.rising = false;
    group.last = e.id;
    group.records.push(e);
  }

  /**
   * The exceptions in due-date order (none first), then by id, each id once (the first raised:
   * the sort keeps the order raised among equal ids, which an id's due date puts side by side);
   * with how many were dropped as repeats.
   */
  inDueDateOrder(): { ordered: ExceptionRecord[]; repeats: number } {
    const ordered: ExceptionRecord[] = [];
    let repeats = 0;
    for (const due of [...this.byDue.keys()].sort()) {
      const { records, rising } = this.byDue.get(due)!;
      if (rising) {
        for (const e of records) ordered.push(e);
        continue;
      }
      let last: string | undefined;
      for (const e of records.sort(compareIds)) {
        if (e.id === last) repeats++;
        else ordered.push(e);
        last = e.id;
      }
    }
    return { ordered, repeats };
  }
}
