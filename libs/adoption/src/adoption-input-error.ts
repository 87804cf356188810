/**
 * Input that cannot be adopted: a file that is neither a stack export nor a resource list, a mapping to a
 * resource that does not exist. Every problem is listed; the message joins them on one line, each
 * naming the file and the field.
 */
export class AdoptionInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("; "));
    this.name = "AdoptionInputError";
  }
}
