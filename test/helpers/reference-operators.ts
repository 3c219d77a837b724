// The date operators defined apart from src/engine/operators.ts, with luxon, for the reference
// engine: so that the differential tests check what the operators mean, not only how conditions
// are compiled. A date fact is a day number (days since 1 January 1970); anything else, an empty
// cell included, is not a date, and a comparison with it is false.
import { DateTime } from 'luxon';
import { CUSTOM_OPERATORS, type OperatorDef } from '../../src/engine/operators.js';

const date = (v: unknown) =>
  typeof v === 'number' ? DateTime.fromMillis(v * 86_400_000, { zone: 'utc' }) : DateTime.invalid('not a day number');

/** The project's operator of this name (its description and example), judged by `holds` instead. */
function dateOperator(name: string, holds: (a: DateTime, b: DateTime) => boolean): OperatorDef {
  return {
    ...CUSTOM_OPERATORS[name]!,
    accepts: () => true,
    evaluate: (a, b) => {
      const [x, y] = [date(a), date(b)];
      return x.isValid && y.isValid && holds(x, y);
    },
  };
}

/** The project's text operators and isEmpty, with the four date operators replaced. */
export const REFERENCE_OPERATORS: Record<string, OperatorDef> = {
  ...CUSTOM_OPERATORS,
  before: dateOperator('before', (a, b) => a.diff(b, 'days').days < 0),
  onOrBefore: dateOperator('onOrBefore', (a, b) => a.hasSame(b, 'day') || a.diff(b, 'days').days < 0),
  after: dateOperator('after', (a, b) => a.diff(b, 'days').days > 0),
  onOrAfter: dateOperator('onOrAfter', (a, b) => a.hasSame(b, 'day') || a.diff(b, 'days').days > 0),
};
