import { testDocument, testPlan, testPolicy, testPolicyArn, testRole } from "@ml-iam/analysis/src/testing";
import { PlanStore, type PlanFile } from "@ml-iam/plan";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../usage-error";
import { runAccess } from "./access";

const plan = testPlan("team", [
  testPolicy("team", "data", testDocument({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::team-data/*" })),
  ...testRole("team", "worker", { policyArns: [testPolicyArn("team", "data")] }),
]);

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A throwaway workspace whose dist/plan holds the given plans. */
function workspace(plans: PlanFile[]): string {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-access-"));
  roots.push(root);
  writeFileSync(join(root, "nx.json"), "{}\n");
  for (const p of plans) new PlanStore(join(root, "dist/plan")).write(p);
  return root;
}

async function access(root: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await runAccess(args, (line) => lines.push(line), join(root));
  return { code, output: lines.join("\n") };
}

describe("ml-iam access", () => {
  it("prints each principal's access, grouped by service", async () => {
    const { code, output } = await access(workspace([plan]));
    expect(code).toBe(0);
    expect(output).toBe(
      ["role worker (team) arn:aws:iam::111111111111:role/ml/team/worker", "  s3", "    arn:aws:s3:::team-data/*", "      GetObject, PutObject"].join("\n"),
    );
  });

  it("prints the matrix as JSON with --json", async () => {
    const { output } = await access(workspace([plan]), "--json", "--env", "dev");
    expect(JSON.parse(output)).toEqual([
      {
        principal: "arn:aws:iam::111111111111:role/ml/team/worker",
        stack: "team",
        kind: "role",
        name: "worker",
        entries: [
          { action: "s3:GetObject", resource: "arn:aws:s3:::team-data/*", conditional: false },
          { action: "s3:PutObject", resource: "arn:aws:s3:::team-data/*", conditional: false },
        ],
        unresolvedPolicies: [],
      },
    ]);
  });

  it("works from a folder below the workspace root", async () => {
    const root = workspace([plan]);
    mkdirSync(join(root, "stacks/team"), { recursive: true });
    expect((await access(join(root, "stacks/team"))).code).toBe(0);
  });

  it.each<[string, string[], PlanFile[], RegExp]>([
    ["no plans", [], [], /^no dev plans in dist\/plan: run `npm run plan` first$/],
    ["no plans for the env", ["--env", "prod"], [plan], /^no prod plans in dist\/plan/],
    ["an unknown flag", ["--frobnicate"], [plan], /Unknown option '--frobnicate'/],
    ["a positional argument", ["team"], [plan], /Unexpected argument 'team'/],
  ])("refuses %s with a UsageError", async (_case, args, plans, message) => {
    const run = access(workspace(plans), ...args);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
  });

  it("names, in a one-line UsageError, a plan file holding a policy whose statement is not an object", async () => {
    const steps = plan.steps.map((step) =>
      step.newState.type === "aws:iam/policy:Policy" ? { ...step, newState: { ...step.newState, inputs: { ...step.newState.inputs, policy: '{"Statement":[null]}' } } } : step,
    );
    const root = workspace([{ ...plan, steps }]);
    const file = join(root, "dist/plan/team/dev.json");
    await expect(access(root)).rejects.toThrow(new UsageError(`${file}: the policy of data statement 0 is null, not an object, so IAM would reject the document`));
  });

  it("names a malformed plan file in a UsageError", async () => {
    const root = workspace([plan]);
    writeFileSync(join(root, "dist/plan/team/dev.json"), "{");
    await expect(access(root)).rejects.toThrow(new UsageError(`${join(root, "dist/plan/team/dev.json")}: not JSON: Expected property name or '}' in JSON at position 1 (line 1 column 2)`));
  });
});
