import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { openStudio } from "./open-studio";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("openStudio", () => {
  it("opens only a profile named and tagged for the team and tagged with the person the session belongs to", async () => {
    expect(await render(openStudio(context, { domainId: pulumi.output("d-abc123") }))).toEqual([
      {
        Sid: "StudioOpenOwnProfile",
        Effect: "Allow",
        Action: ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"],
        Resource: "arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc123/ds-*",
        Condition: { StringEquals: { "aws:ResourceTag/person": "${aws:PrincipalTag/person}", "aws:ResourceTag/team": "ds" } },
      },
    ]);
  });

  it("runs no app and reaches no other domain: Studio does that as its own execution role", async () => {
    const json = JSON.stringify(await render(openStudio(context, { domainId: "d-abc123" })));
    expect(json).not.toMatch(/CreateApp|CreateSpace|domain\/|user-profile\/\*/);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(openStudio(context, { domainId: "d-abc123" })), { kind: "identity" })).toEqual([]);
  });

  it("builds the profile ARN in the scope's partition", async () => {
    const gov = { scope: { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" }, team: "ds" };
    const [statement] = await render(openStudio(gov, { domainId: "d-abc123" }));
    expect(statement?.Resource).toBe("arn:aws-us-gov:sagemaker:us-gov-west-1:111122223333:user-profile/d-abc123/ds-*");
  });

  it("rejects a team name that could not prefix profile names", () => {
    expect(() => openStudio({ scope, team: "ds_" }, { domainId: "d-abc123" })).toThrow(/team must be kebab-case/);
  });
});
