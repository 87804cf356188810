/** Bad input from the user: printed as one line on stderr with exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    // One line whatever the message quotes: Node's parse errors and file names can carry the user's newlines.
    super(message.replace(/\s*[\r\n]+\s*/g, " "));
    this.name = "UsageError";
  }
}
