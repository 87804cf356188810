import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAccess } from "./commands/access";
import { runAccessDiff } from "./commands/access-diff";
import { runAdopt } from "./commands/adopt";
import { runLint } from "./commands/lint";
import { parsePlanArgs } from "./commands/plan";
import { runQuotas } from "./commands/quotas";
import { runSimulate } from "./commands/simulate";
import { runWorkflows } from "./commands/workflows";
import { UsageError } from "./usage-error";

// One seed for every run, so CI decides the same cases each time; change it to explore new ones.
fc.configureGlobal({ seed: 20261207 });

// Outside the workspace: a command whose arguments parse stops at finding no workspace (a UsageError), so no
// random argv plans, writes or reads plans. plan is parsed only, for the same reason.
const outside = mkdtempSync(join(tmpdir(), "ml-iam-argv-"));
const quiet = () => undefined;

const commands: Record<string, (args: string[]) => Promise<unknown>> = {
  plan: async (args) => parsePlanArgs(args, outside, quiet),
  lint: (args) => runLint(args, quiet),
  simulate: (args) => runSimulate(args, quiet),
  workflows: (args) => runWorkflows(args, quiet, outside),
  access: (args) => runAccess(args, quiet, outside),
  "access-diff": (args) => runAccessDiff(args, quiet, outside),
  quotas: (args) => runQuotas(args, quiet, outside),
  adopt: (args) => runAdopt(args, quiet, outside),
};

const optionNames = [
  "--env", "--json", "--out", "--report-only", "--kind", "--policy", "--boundary", "--action", "--resource", "--context",
  "--base", "--head", "--before", "--after", "--markdown", "--warn-at", "--from", "--stack", "--mapping", "--plans",
];

/** One argument: an option the CLI knows (bare or with =value), a short or unknown flag, `--`, or any text at all. */
const argument = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...optionNames) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...optionNames), fc.string({ maxLength: 8 })).map(([name, value]) => `${name}=${value}`) },
  { weight: 1, arbitrary: fc.constantFrom("-", "--", "-e", "-xyz", "--unknown", "--=", "---env", "--env\nprod", "-\n") },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "-", "=", "\n", " ", "*"), maxLength: 10 }) },
);

describe("every command's argument parsing, over random argv", () => {
  it("gives each command its options or one usage line, never another exception", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(commands)), fc.array(argument, { maxLength: 6 }), async (name, args) => {
        try {
          await commands[name]!(args);
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          expect(error.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 600 },
    );
  });
});
