import { teamAccessRole } from "./team-access-role";
import { recordRoleInputs, settled, testTeamStack } from "./testing";

const stack = testTeamStack("vision");
let roles: Record<string, unknown>[];
beforeAll(async () => {
  roles = await recordRoleInputs("vision");
});

describe("the team's access role", () => {
  it("is <team>-access, assumed from the team's account with MFA only, tagging the session with the person's own name, within the boundary", async () => {
    const role = teamAccessRole({ stack, description: "people", permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/ml/central-ai/boundary", managedPolicies: {} });
    await settled(role.arn);
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
