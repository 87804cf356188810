import { renderAccessDiffMarkdown, diffPlanAccess } from "@ml-iam/analysis";
import { canonicalJson, planStack, renderPlanSummary, type PlanFile, type PlanStackOptions } from "@ml-iam/plan";
import { planWorkspaceStacks } from "@ml-iam/plan/src/testing";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adoptionAliases } from "./adoption-aliases";
import { planAdoption } from "./adoption-plan";
import { parseExistingResources } from "./existing-resources";
import { pulumiImportFile } from "./import-file";
import { renderAdoptionMarkdown, renderAdoptionText } from "./render-adoption-report";
import { mappingFixture, readFixture } from "./testing";

// What a team might paste into a stack config, and what its plaintext would be: neither may reach a plan,
// its summary, a pull request comment or an adoption report. The plaintext is also in the environment
// while planning, where AWS credentials live.
const ciphertext = "v1:AAABAKfX3secretCiphertextForTestsOnlyZZ9w==";
const plaintext = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const workspaceRoot = join(__dirname, "../../..");
const directories: string[] = [];

/** A copy of a stack's dev config with an AWS secret key added as a secure value, planned from the real program. */
async function planWithSecret(name: string, upstream: PlanFile[]): Promise<PlanFile> {
  const directory = mkdtempSync(join(tmpdir(), `secret-${name}-`));
  directories.push(directory);
  const config = join(directory, "Pulumi.dev.yaml");
  copyFileSync(join(workspaceRoot, "stacks", name, "Pulumi.dev.yaml"), config);
  writeFileSync(config, `${readFileSync(config, "utf8").trimEnd()}\n  aws:secretKey:\n    secure: ${ciphertext}\n`);
  const options: PlanStackOptions = {
    stack: { name, directory, main: join(workspaceRoot, "stacks", name, "src/index.ts"), envs: ["dev"], upstream: upstream.map((plan) => plan.stack) },
    env: "dev",
    upstreamPlan: (project) => upstream.find((plan) => plan.stack === project),
  };
  jest.resetModules();
  return planStack(options);
}

let base: PlanFile[];
let head: PlanFile[];
beforeAll(async () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const environment = process.env.AWS_SECRET_ACCESS_KEY;
  process.env.AWS_SECRET_ACCESS_KEY = plaintext;
  try {
    base = await planWorkspaceStacks(["central-ai", "data-scientists"], "dev");
    const central = await planWithSecret("central-ai", []);
    head = [central, await planWithSecret("data-scientists", [central])];
  } finally {
    if (environment === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = environment;
    warn.mockRestore();
  }
});
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

const expectNoSecret = (text: string) => {
  expect(text).not.toContain(ciphertext);
  expect(text).not.toContain(plaintext);
};

describe("a secure config value", () => {
  it("is in the plan as [secret] only", () => {
    for (const plan of head) {
      expect(plan.config["aws:secretKey"]).toBe("[secret]");
      expectNoSecret(canonicalJson(plan));
    }
  });

  it("never reaches the plan's summary", () => {
    for (const plan of head) expectNoSecret(renderPlanSummary(plan));
  });

  it("never reaches the access diff a pull request comment shows", () => {
    const baseOfHead = base.filter((plan) => head.some((other) => other.stack === plan.stack));
    // Against the same stacks without the secret, against nothing (every principal added, as far as the comment's
    // size allows), and against central-ai alone, so that data-scientists' principals are in the comment in full
    // however many teams central-ai serves.
    const [central] = head;
    for (const before of [baseOfHead, [], [central!]]) expectNoSecret(renderAccessDiffMarkdown(diffPlanAccess(before, head), { title: "Access changes (dev)" }));
    expect(renderAccessDiffMarkdown(diffPlanAccess([central!], head))).toContain("data-scientists-access");
  });

  it("never reaches an adoption's import document, aliases or report", () => {
    const { file, text } = readFixture("seed-000-export.json");
    const report = planAdoption({ existing: parseExistingResources(text, file), plan: head[1]!, mapping: mappingFixture("seed-000-mapping.json") });
    const aliases = adoptionAliases(report);
    for (const output of [JSON.stringify(report), JSON.stringify(pulumiImportFile(report, head[1]!)), JSON.stringify(aliases), renderAdoptionText(report), renderAdoptionMarkdown(report, { importFile: "import.json" }, aliases)]) {
      expectNoSecret(output);
    }
  });

  it("of the old program's state is shown as a secret, never decrypted or copied", () => {
    const { text } = readFixture("seed-000-export.json");
    const state = JSON.parse(text) as { deployment: { resources: { type: string; inputs?: Record<string, unknown> }[] } };
    const policy = state.deployment.resources.find((resource) => resource.type === "aws:iam/policy:Policy")!;
    policy.inputs!.description = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext };
    const report = planAdoption({ existing: parseExistingResources(JSON.stringify(state), "export.json"), plan: head[1]!, mapping: mappingFixture("seed-000-mapping.json") });
    const adopted = report.resources.find((resource) => "planned" in resource && "existing" in resource && resource.planned.name === "studio-and-data");
    expect(adopted && "changes" in adopted ? adopted.changes.find((change) => change.property === "description") : undefined).toEqual({
      property: "description",
      before: "[secret]",
      after: "[secret]",
      replaces: true,
      secret: true,
    });
    expectNoSecret(JSON.stringify(report) + renderAdoptionMarkdown(report, { importFile: "import.json" }, adoptionAliases(report)));
  });
});
