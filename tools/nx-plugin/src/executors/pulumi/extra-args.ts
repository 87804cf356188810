/**
 * The pulumi options a target may pass through `extraArgs`, and whether each takes a value. Everything the
 * executor decides (the stack, the project directory, `--yes`, `--non-interactive`, the policy pack, the
 * drift check) and anything that would change what is deployed where (`--config-file`, a template
 * positional, `--skip-preview`) is left out: an allowlist, because Pulumi keeps the last `--stack` it is
 * given, so `--extraArgs=--stack=prod` after a confirmed `dev` would destroy prod.
 * https://www.pulumi.com/docs/iac/cli/commands/pulumi_destroy/
 */
const passThroughOptions: ReadonlyMap<string, "flag" | "value"> = new Map([
  ["--target", "value"],
  ["-t", "value"],
  ["--target-dependents", "flag"],
  ["--target-replace", "value"],
  ["--replace", "value"],
  ["--exclude", "value"],
  ["--exclude-dependents", "flag"],
  ["--exclude-protected", "flag"],
  ["--refresh", "flag"],
  ["--parallel", "value"],
  ["-p", "value"],
  ["--message", "value"],
  ["-m", "value"],
  ["--json", "flag"],
  ["-j", "flag"],
  ["--show-reads", "flag"],
  ["--show-replacement-steps", "flag"],
  ["--show-sames", "flag"],
  ["--suppress-outputs", "flag"],
  ["--suppress-permalink", "flag"],
  ["--suppress-progress", "flag"],
  ["--continue-on-error", "flag"],
  ["--color", "value"],
  ["--verbose", "value"],
  ["-v", "value"],
  ["--logtostderr", "flag"],
  ["--logflow", "flag"],
  ["--debug", "flag"],
  ["-d", "flag"],
]);

/** What is wrong with a target's `extraArgs`, one problem per argument, naming it; empty when they may pass. */
export function extraArgsProblems(extraArgs: readonly string[]): string[] {
  const problems: string[] = [];
  for (let index = 0; index < extraArgs.length; index++) {
    const arg = extraArgs[index]!;
    const name = arg.startsWith("-") ? arg.split("=", 1)[0]! : undefined;
    const kind = name === undefined ? undefined : passThroughOptions.get(name);
    if (kind === undefined) {
      problems.push(
        name === undefined
          ? `extraArgs ${JSON.stringify(arg)} is not an option: pulumi's positional arguments are not passed through`
          : `extraArgs ${JSON.stringify(arg)} is not one pulumi may be given here: the executor sets the stack, the directory and the confirmation itself, and passes only ${[...passThroughOptions.keys()].filter((option) => option.startsWith("--")).join(", ")}`,
      );
    } else if (kind === "value" && !arg.includes("=")) {
      // The value is the next argument, whatever it looks like; without one pulumi would take the next option.
      if (index + 1 >= extraArgs.length) problems.push(`extraArgs ${JSON.stringify(arg)} needs a value`);
      index++;
    }
  }
  return problems;
}
