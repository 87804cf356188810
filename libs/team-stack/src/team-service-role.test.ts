import { teamServiceRole } from "./team-service-role";
import { recordRoleInputs, settled, testTeamStack } from "./testing";

const stack = testTeamStack("vision");
let roles: Record<string, unknown>[];
beforeAll(async () => {
  roles = await recordRoleInputs("vision");
});

describe("a team's service role", () => {
  it("is <team>-<purpose>, assumed by its one service for the team's account only, within the boundary", async () => {
    const role = teamServiceRole({ stack, purpose: "job", service: "sagemaker.amazonaws.com", description: "jobs", permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/ml/central-ai/boundary", managedPolicies: {} });
    await settled(role.arn);
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
