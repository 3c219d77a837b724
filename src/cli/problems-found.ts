/** The command ran and found rule problems or failing cases, already reported: exit 1. */
export class ProblemsFound extends Error {}
