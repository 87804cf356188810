import { testPlan } from "@ml-iam/analysis/src/testing";
import { PlanStore, type PlanFile } from "@ml-iam/plan";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../usage-error";
import { runWorkflows } from "./workflows";

const step = (ok: boolean) => ({
  step: 1,
  actor: "person",
  principal: "team-access",
  action: "sagemaker:CreateTrainingJob",
  resource: "arn:aws:sagemaker:us-east-1:111111111111:training-job/team-train",
  purpose: "create the job",
  decision: ok ? ("Allowed" as const) : ("ImplicitlyDenied" as const),
  ok,
  reason: ok ? "allowed by team-ml-jobs (statement MlJobsCreate)" : "no statement grants it",
});
const workflow = (name: string, passed: boolean) => ({
  name,
  title: "Start a training job",
  expect: "allowed" as const,
  subject: "the principals of team",
  sources: ["https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html"],
  passed,
  steps: [step(passed)],
});
const planWith = (stack: string, workflows: PlanFile["workflows"]): PlanFile => ({ ...testPlan(stack, []), workflows });

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(plans: PlanFile[]): string {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-workflows-"));
  roots.push(root);
  writeFileSync(join(root, "nx.json"), "{}\n");
  for (const plan of plans) new PlanStore(join(root, "dist/plan")).write(plan);
  return root;
}

async function workflows(root: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await runWorkflows(args, (line) => lines.push(line), root);
  return { code, output: lines.join("\n") };
}

describe("ml-iam workflows", () => {
  const root = () => workspace([planWith("team", [workflow("train-from-laptop", true)]), planWith("other", [])]);

  it("prints each stack's workflows, one line each, and exits 0 when all hold", async () => {
    const { code, output } = await workflows(root());
    expect(code).toBe(0);
    expect(output).toBe(
      ["other (dev): no workflows declared", "team (dev): 1 of 1 workflows hold", "  ok   train-from-laptop (can): Start a training job, 1 requests"].join("\n"),
    );
  });

  it("prints only the stacks named, and their workflows as JSON with --json", async () => {
    const { output } = await workflows(root(), "team", "--json");
    expect(JSON.parse(output)).toEqual({ team: [workflow("train-from-laptop", true)] });
  });

  it("shows the failed requests of a workflow that failed, and exits 1", async () => {
    const { code, output } = await workflows(workspace([planWith("team", [workflow("train-from-laptop", false)])]));
    expect(code).toBe(1);
    expect(output).toContain("FAIL train-from-laptop");
    expect(output).toContain("step 1: sagemaker:CreateTrainingJob on arn:aws:sagemaker:us-east-1:111111111111:training-job/team-train as person (team-access): no statement grants it");
  });

  it.each<[string, string[], RegExp]>([
    ["an env with no plans", ["--env", "prod"], /no prod plans in dist\/plan: run `npm run plan` first/],
    ["a stack that has no plan", ["nope"], /no dev plan of nope in dist\/plan: the planned stacks are other, team/],
    ["an option it does not know", ["--stack", "team"], /Unknown option '--stack'/],
  ])("refuses %s with a usage error", async (_case, args, message) => {
    await expect(workflows(root(), ...args)).rejects.toThrow(UsageError);
    await expect(workflows(root(), ...args)).rejects.toThrow(message);
  });
});
