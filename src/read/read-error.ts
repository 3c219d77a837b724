/**
 * A file that cannot be read at all, with a message a user can act on. The message never
 * quotes the file's content: it may hold a child's details.
 */
export class ReadError extends Error {}
