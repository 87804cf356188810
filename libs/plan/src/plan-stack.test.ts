import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson } from "./canonical-json";
import type { PlanFile } from "./plan-file";
import { planStack as planStackOnce, type PlanStackOptions } from "./plan-stack";
import type { WorkspaceStack } from "./workspace-stacks";

const fixtures = join(__dirname, "fixtures");
const secretCiphertext = "v1:AAAAsecretciphertextBBBB";

function stackWithConfig(name: string, program: string, yaml: string, upstream: string[] = []): WorkspaceStack {
  const directory = mkdtempSync(join(tmpdir(), `plan-${name}-`));
  writeFileSync(join(directory, "Pulumi.dev.yaml"), yaml);
  return { name, directory, main: join(fixtures, program), envs: ["dev"], upstream };
}

const producerYaml = (extra = "", region = "us-east-1") => `config:
  aws:region: ${region}
  aws:allowedAccountIds: ["111111111111"]
  producer:token:
    secure: ${secretCiphertext}
${extra}`;

const noUpstream = () => undefined;

// Jest keeps its own module registry: reset it so each plan loads the program afresh, as a new process would.
function planStack(options: PlanStackOptions): Promise<PlanFile> {
  jest.resetModules();
  return planStackOnce(options);
}

describe("planning a stack offline", () => {
  let plan: PlanFile;
  beforeAll(async () => {
    plan = await planStack({ stack: stackWithConfig("producer", "producer-program.ts", producerYaml()), env: "dev", upstreamPlan: noUpstream });
  });

  it("assigns IAM ARNs as AWS would, from account, path and name", () => {
    expect(plan.outputs.roleArn).toBe("arn:aws:iam::111111111111:role/ml/fixture/fixture-role");
    expect(plan.outputs.policyArn).toBe("arn:aws:iam::111111111111:policy/ml/fixture/fixture-policy");
  });

  it("links attachments to the role and policy they name", () => {
    const attachment = plan.steps.find((s) => s.newState.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    expect(attachment?.newState.inputs).toEqual({ role: "fixture-role", policyArn: plan.outputs.policyArn });
  });

  it("records steps in the shape of pulumi preview --json", () => {
    const role = plan.steps.find((s) => s.newState.type === "aws:iam/role:Role")!;
    expect(role).toMatchObject({
      op: "create",
      urn: "urn:pulumi:dev::producer::aws:iam/role:Role::role",
      newState: { type: "aws:iam/role:Role", custom: true, inputs: { name: "fixture-role", path: "/ml/fixture/" } },
    });
    expect(plan.changeSummary).toEqual({ create: 3 });
  });

  it("never decrypts secure config: it appears as [secret]", () => {
    expect(plan.config["producer:token"]).toBe("[secret]");
    expect(plan.outputs.token).toBe("[secret]");
    expect(canonicalJson(plan)).not.toContain(secretCiphertext);
  });

  it("answers data sources with deterministic plan values and marks them", () => {
    expect(plan.outputs.account).toBe("111111111111");
    expect(plan.planValues.map((v) => v.token)).toEqual(["aws:index/getCallerIdentity:getCallerIdentity"]);
  });

  it("is byte-identical when planned again", async () => {
    const again = await planStack({ stack: stackWithConfig("producer", "producer-program.ts", producerYaml()), env: "dev", upstreamPlan: noUpstream });
    expect(canonicalJson(again)).toBe(canonicalJson(plan));
  });

  it("takes the partition from the region", async () => {
    const gov = await planStack({
      stack: stackWithConfig("producer", "producer-program.ts", producerYaml("", "us-gov-west-1")),
      env: "dev",
      upstreamPlan: noUpstream,
    });
    expect(gov.outputs.roleArn).toBe("arn:aws-us-gov:iam::111111111111:role/ml/fixture/fixture-role");
  });

  it("resolves a consumer's StackReference to the upstream plan's outputs", async () => {
    const consumer = await planStack({
      stack: stackWithConfig("consumer", "consumer-program.ts", producerYaml(), ["producer"]),
      env: "dev",
      upstreamPlan: (project, env) => (project === "producer" && env === "dev" ? plan : undefined),
    });
    expect(consumer.outputs.producerRoleArn).toBe(plan.outputs.roleArn);
  });

  it("refuses an upstream stack's ARN of another account, which would attach nothing or grant across accounts", async () => {
    const elsewhere = producerYaml().replace('["111111111111"]', '["222222222222"]');
    const consumer = planStack({
      stack: stackWithConfig("consumer", "consumer-program.ts", elsewhere, ["producer"]),
      env: "dev",
      upstreamPlan: (project, env) => (project === "producer" && env === "dev" ? plan : undefined),
    });
    await expect(consumer).rejects.toThrow(
      "upstream stack producer (dev) output roleArn: arn:aws:iam::111111111111:role/ml/fixture/fixture-role is in account 111111111111, not this stack's 222222222222",
    );
  });
});

// Failures raised while resources register (an invalid policy, an undeclared reference) surface as
// unhandled rejections, which Jest claims for itself: tools/cli tests them through the real command.
describe("a plan that cannot be made", () => {
  it.each<[string, WorkspaceStack, RegExp]>([
    ["malformed YAML", stackWithConfig("producer", "producer-program.ts", "config: [unclosed"), /plan of producer \(dev\) failed: .*Pulumi\.dev\.yaml: malformed YAML/],
    ["a region that is not one", stackWithConfig("producer", "producer-program.ts", producerYaml("", "mars-1")), /stacks\/producer\/Pulumi\.dev\.yaml: aws:region must be an AWS region/],
    ["no account", stackWithConfig("producer", "producer-program.ts", "config:\n  aws:region: us-east-1\n"), /aws:allowedAccountIds must hold exactly the env's one 12-digit account id/],
    ["a program that throws", stackWithConfig("producer", "producer-program.ts", producerYaml("  producer:mode: throw\n")), /the program refused to run/],
    ["an upstream stack with no plan", stackWithConfig("consumer", "consumer-program.ts", producerYaml(), ["producer"]), /upstream stack producer has no plan for dev: plan it first/],
    [
      "an Identity Center resource outside the identity stack",
      stackWithConfig("producer", "producer-program.ts", producerYaml("  producer:mode: identity-center\n")),
      /^plan of producer \(dev\) failed: it plans the Identity Center resource aws:identitystore\/group:Group "people", which only the identity stack \(stacks\/identity\) may plan/,
    ],
    [
      "a group member that nothing creates",
      stackWithConfig("producer", "producer-program.ts", producerYaml("  producer:mode: group-members\n")),
      /^plan of producer \(dev\) failed: its group membership "members" names the IAM user bob, which it does not create/,
    ],
  ])("stops with a clear error on %s", async (_case, stack, message) => {
    await expect(planStack({ stack, env: "dev", upstreamPlan: noUpstream })).rejects.toThrow(message);
  });
});

describe("the identity stack", () => {
  it("is the one stack whose plan may hold Identity Center resources", async () => {
    const stack = { ...stackWithConfig("producer", "producer-program.ts", producerYaml("  producer:mode: identity-center\n")), identity: true };
    const plan = await planStack({ stack, env: "dev", upstreamPlan: noUpstream });
    expect(plan.steps.map((step) => step.newState.type)).toContain("aws:identitystore/group:Group");
  });
});

describe("the process a plan runs in", () => {
  it.each([
    ["plans", producerYaml()],
    ["fails", producerYaml("  producer:mode: throw\n")],
  ])("keeps its stack trace limit when the program %s", async (_outcome, yaml) => {
    const limit = Error.stackTraceLimit;
    await planStack({ stack: stackWithConfig("producer", "producer-program.ts", yaml), env: "dev", upstreamPlan: noUpstream }).catch(() => undefined);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("after the plan").stack).toMatch(/\n\s+at /);
  });
});
