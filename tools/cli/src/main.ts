import { FileWriteError } from "@ml-iam/plan";
import { relative, sep } from "node:path";
import { accessUsage, runAccess } from "./commands/access";
import { accessDiffUsage, runAccessDiff } from "./commands/access-diff";
import { adoptUsage, runAdopt } from "./commands/adopt";
import { lintUsage, runLint } from "./commands/lint";
import { parsePlanArgs, runPlan } from "./commands/plan";
import { quotasUsage, runQuotas } from "./commands/quotas";
import { runSimulate, simulateUsage } from "./commands/simulate";
import { runWorkflows, workflowsUsage } from "./commands/workflows";
import { UsageError } from "./usage-error";
import { findWorkspaceRoot } from "./workspace-root";

/**
 * A subcommand: its one-line usage and what runs it (exit code 0 success, 1 findings/failure, 2 bad input or an
 * output that cannot be written).
 */
interface Command {
  usage: string;
  run(args: string[], print: (line: string) => void): Promise<number>;
}

const commands: Record<string, Command> = {
  plan: {
    usage:
      "plan [stack...] [--env <env>] [--out <dir>] [--report-only]   offline plan of stacks (all by default) into dist/plan/<stack>/<env>.{json,md}; " +
      "--report-only writes a stack whose workflows fail, recording them, and exits 0",
    run: async (args, print) => ((await runPlan(parsePlanArgs(args, findWorkspaceRoot(process.cwd()), print))) > 0 ? 1 : 0),
  },
  lint: { usage: lintUsage, run: runLint },
  simulate: { usage: simulateUsage, run: runSimulate },
  workflows: { usage: workflowsUsage, run: runWorkflows },
  access: { usage: accessUsage, run: runAccess },
  "access-diff": { usage: accessDiffUsage, run: runAccessDiff },
  quotas: { usage: quotasUsage, run: runQuotas },
  adopt: { usage: adoptUsage, run: runAdopt },
};

const usage = `usage: ml-iam <command> [options]\n\ncommands:\n${Object.values(commands)
  .map((command) => `  ${command.usage}`)
  .join("\n")}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help") {
    console.log(usage);
    return 0;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command ${name}: the commands are ${Object.keys(commands).join(", ")} (ml-iam help shows their options)`);
  return command.run(args, console.log);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`ml-iam: ${(error as Error).message}`);
      process.exitCode = 2;
    } else if (error instanceof FileWriteError) {
      // A read-only or full output directory: one line naming the file and the cause, paths as the user would type them.
      const cwd = process.cwd();
      console.error(`ml-iam: ${error.describe((path) => (path.startsWith(cwd + sep) ? relative(cwd, path) : path))}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
