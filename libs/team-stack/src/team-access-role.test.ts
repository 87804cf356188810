import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";
import { teamAccessRole } from "./team-access-role";
import { teamNames } from "./team-names";

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

describe("the team's access role", () => {
  it("is <team>-access, assumed from the team's account with MFA only, tagging the session with the person's own name, within the boundary", async () => {
    const role = teamAccessRole({ stack, description: "people", permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/ml/central-ai/boundary", managedPolicies: {} });
    await new Promise<void>((resolve) => role.arn.apply(() => resolve()));
    expect(roles).toHaveLength(1);
    const inputs = roles[0]!;
    expect(inputs).toMatchObject({ name: "vision-access", path: "/ml/vision/", permissionsBoundary: "arn:aws:iam::111111111111:policy/ml/central-ai/boundary" });
    const trust = JSON.parse(String(inputs.assumeRolePolicy));
    expect(trust.Statement).toEqual([
      expect.objectContaining({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "sts:AssumeRole", Condition: expect.objectContaining({ Bool: { "aws:MultiFactorAuthPresent": "true" } }) }),
      expect.objectContaining({ Effect: "Allow", Action: "sts:TagSession", Condition: expect.objectContaining({ StringEquals: { "aws:RequestTag/person": "${aws:username}" } }) }),
    ]);
  });
});
