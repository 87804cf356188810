import { testPlan, testResource, testRole } from "@ml-iam/analysis/src/testing";
import { canonicalJson, type PlanFile } from "@ml-iam/plan";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runQuotas } from "./quotas";

function workspaceWith(plans: PlanFile[]): string {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-quotas-"));
  writeFileSync(join(root, "nx.json"), "{}\n");
  for (const plan of plans) {
    mkdirSync(join(root, "dist/plan", plan.stack), { recursive: true });
    writeFileSync(join(root, "dist/plan", plan.stack, `${plan.env}.json`), canonicalJson(plan));
  }
  return root;
}

const rolesPlan = (stack: string, count: number) =>
  testPlan(stack, Array.from({ length: count }, (_, i) => testRole(stack, `${stack}-role-${i}`)).flat());

async function quotas(root: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await runQuotas(args, (line) => lines.push(line), root);
  return { code, lines };
}

describe("ml-iam quotas", () => {
  it("counts each account's roles across stacks and stays quiet under the threshold", async () => {
    const { code, lines } = await quotas(workspaceWith([rolesPlan("a", 3), rolesPlan("b", 2)]));
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^account \d{12}: 5 of 1000 roles per account$/);
    expect(lines.some((line) => line.startsWith("warning"))).toBe(false);
  });

  it("warns, naming each team's share, before the account crosses a quota", async () => {
    const { code, lines } = await quotas(workspaceWith([rolesPlan("a", 500), rolesPlan("b", 310)]));
    expect(code).toBe(0);
    expect(lines.find((line) => line.startsWith("warning"))).toMatch(/nears its quota of 1000 IAM roles: 810 \(81 %\): a 500, b 310/);
  });

  it("fails past a quota", async () => {
    const { code, lines } = await quotas(workspaceWith([rolesPlan("a", 1001)]));
    expect(code).toBe(1);
    expect(lines.find((line) => line.startsWith("error"))).toMatch(/would exceed its quota of 1000 IAM roles/);
  });

  it("fails at 10,010 IAM users in one account, past AWS's default of 5,000", async () => {
    const users = Array.from({ length: 10_010 }, (_, i) => testResource("aws:iam/user:User", `user-${i}`, { name: `user-${i}` }));
    const { code, lines } = await quotas(workspaceWith([testPlan("central-ai", users)]));
    expect(code).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/^account \d{12}: 10010 of 5000 users per account$/));
    expect(lines.find((line) => line.startsWith("error"))).toMatch(/would exceed its quota of 5000 IAM users: 10010 \(200 %\): central-ai 10010/);
  });

  it("asks for plans first, and rejects a bad threshold", async () => {
    const empty = mkdtempSync(join(tmpdir(), "ml-iam-quotas-"));
    writeFileSync(join(empty, "nx.json"), "{}\n");
    await expect(quotas(empty)).rejects.toThrow("no plans in dist/plan: run `npm run plan` first");
    await expect(quotas(workspaceWith([rolesPlan("a", 1)]), "--warn-at", "3")).rejects.toThrow("--warn-at must be a share between 0 and 1, got 3");
  });
});
