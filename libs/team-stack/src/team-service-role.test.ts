import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";
import { teamNames } from "./team-names";
import { teamServiceRole } from "./team-service-role";

const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };
const stack: TeamStack = { team: "vision", env: "dev", scope, arn: arnBuilders(scope), names: teamNames("vision", "dev", false), protect: false, repository: "acme/ml-iam" };

const roles: Record<string, unknown>[] = [];
beforeAll(() =>
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        if (args.type === "aws:iam/role:Role") roles.push(args.inputs);
        return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:aws:iam::111111111111:role/ml/vision/${args.inputs.name}` } };
      },
      call: (args) => args.inputs,
    },
    "vision",
    "dev",
    false,
  ),
);

describe("a team's service role", () => {
  it("is <team>-<purpose>, assumed by its one service for the team's account only, within the boundary", async () => {
    const role = teamServiceRole({ stack, purpose: "job", service: "sagemaker.amazonaws.com", description: "jobs", permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/ml/central-ai/boundary", managedPolicies: {} });
    await new Promise<void>((resolve) => role.arn.apply(() => resolve()));
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({ name: "vision-job", path: "/ml/vision/", permissionsBoundary: "arn:aws:iam::111111111111:policy/ml/central-ai/boundary" });
    expect(JSON.parse(String(roles[0]!.assumeRolePolicy)).Statement).toEqual([
      expect.objectContaining({
        Effect: "Allow",
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
      }),
    ]);
  });

  it("refuses a service that is no service principal", () => {
    expect(() => teamServiceRole({ stack, purpose: "job", service: "sagemaker", description: "jobs", permissionsBoundaryArn: "arn", managedPolicies: {} })).toThrow(/service/);
  });
});
