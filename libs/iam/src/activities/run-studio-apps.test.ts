import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { runStudioApps } from "./run-studio-apps";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const prefix = "arn:aws:sagemaker:us-east-1:111122223333";

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("runStudioApps", () => {
  it("describes the team's user profiles, named and tagged for the team, but opens none: that is the person's openStudio", async () => {
    const statements = await render(runStudioApps(context, { domainId: pulumi.output("d-abc123") }));
    expect(statements.find((s) => s.Sid === "StudioDescribeTeamProfiles")).toEqual({
      Sid: "StudioDescribeTeamProfiles",
      Effect: "Allow",
      Action: "sagemaker:DescribeUserProfile",
      Resource: `${prefix}:user-profile/d-abc123/ds-*`,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
    expect(JSON.stringify(statements)).not.toContain("CreatePresignedDomainUrl");
  });

  it("creates and deletes spaces and their apps only when a team profile owns them", async () => {
    const statements = await render(runStudioApps(context, { domainId: "d-abc123" }));
    expect(statements.find((s) => s.Sid === "StudioCreateSpacesAndAppsOfTeamProfiles")).toEqual({
      Sid: "StudioCreateSpacesAndAppsOfTeamProfiles",
      Effect: "Allow",
      Action: ["sagemaker:CreateApp", "sagemaker:CreateSpace", "sagemaker:DeleteApp", "sagemaker:DeleteSpace", "sagemaker:UpdateSpace"],
      Resource: [`${prefix}:app/d-abc123/*/*/*`, `${prefix}:space/d-abc123/*`],
      Condition: { ArnLike: { "sagemaker:OwnerUserProfileArn": `${prefix}:user-profile/d-abc123/ds-*` } },
    });
    expect(statements.find((s) => s.Sid === "StudioProfileApps")).toMatchObject({
      Action: ["sagemaker:CreateApp", "sagemaker:DeleteApp"],
      Resource: `${prefix}:app/d-abc123/ds-*/*/*`,
    });
  });

  it("tags only while Studio creates spaces and apps", async () => {
    const statements = await render(runStudioApps(context, { domainId: "d-abc123" }));
    expect(statements.find((s) => s.Sid === "StudioTagOnCreate")).toMatchObject({
      Action: "sagemaker:AddTags",
      Condition: { StringEquals: { "sagemaker:TaggingAction": ["CreateApp", "CreateSpace"] } },
    });
  });

  it("lists on * only the List actions that have no resource-level permissions", async () => {
    const statements = await render(runStudioApps(context, { domainId: "d-abc123" }));
    expect(statements.filter((s) => s.Resource === "*")).toEqual([
      {
        Sid: "StudioList",
        Effect: "Allow",
        Action: ["sagemaker:ListApps", "sagemaker:ListDomains", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles"],
        Resource: "*",
      },
    ]);
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson(
      (await resolve(pulumi.output(runStudioApps(context, { domainId: "d-abc123" })))) as unknown as ResolvedStatement[],
    );
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("builds ARNs in the scope's partition", async () => {
    const gov = { scope: { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" }, team: "ds" };
    const resources = (await render(runStudioApps(gov, { domainId: "d-abc123" }))).flatMap((s) => s.Resource ?? []);
    expect(resources.filter((r) => r !== "*").every((r) => r.startsWith("arn:aws-us-gov:sagemaker:us-gov-west-1:"))).toBe(true);
  });
});
