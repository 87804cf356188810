/** A stack's config is invalid: names the stack, the config file, each key and its problem. */
export class StackConfigError extends Error {
  constructor(
    readonly stackName: string,
    readonly file: string,
    readonly problems: readonly { key: string; problem: string }[],
  ) {
    super(
      `stack ${stackName}: ${file} is invalid:\n` + problems.map(({ key, problem }) => `  - ${key}: ${problem}`).join("\n"),
    );
    this.name = "StackConfigError";
  }
}
