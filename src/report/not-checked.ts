import type { CheckResult } from '../engine/run-check.js';

/** Why a check checked nothing (no rule had input), or undefined when some rule ran: the command line exits 3 on it. */
export const noRuleRan = (result: CheckResult): string | undefined =>
  result.rules.every((r) => !r.ran) ? `NOT CHECKED: none of the ${result.rules.length} rule(s) could run: no input for any of them (see the findings)` : undefined;
