import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { parsePlanArgs, runPlan } from "./commands/plan";
import { UsageError } from "./usage-error";

const usage = `usage: ml-iam <command> [options]

commands:
  plan [stack...] [--env <env>]   offline plan of stacks (all by default) into dist/plan/<stack>/<env>.{json,md}`;

/** Finds the workspace root: the nearest directory with nx.json, from the current one up. */
function workspaceRoot(): string {
  let directory = process.cwd();
  while (!existsSync(join(directory, "nx.json"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new UsageError("not inside the ml-iam-platform workspace (no nx.json found)");
    directory = parent;
  }
  return directory;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "plan":
      return (await runPlan(parsePlanArgs(args, workspaceRoot(), console.log))) > 0 ? 1 : 0;
    case undefined:
    case "help":
    case "--help":
      console.log(usage);
      return 0;
    default:
      throw new UsageError(`unknown command ${command}\n${usage}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`ml-iam: ${(error as Error).message}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
