/** The command wrote its report, but what it was asked to check was not checked (a rule with no input): say so, exit 3. */
export class NotChecked extends Error {}

/** The exit code for NotChecked: not 1 (rule problems) or 2 (could not run). */
export const NOT_CHECKED_EXIT = 3;
