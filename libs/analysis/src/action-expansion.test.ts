import { expandActionPattern } from "@ml-iam/iam";
import { actionAppliesTo, actionsExcept, actionsOfPattern, analyzedServices, applicabilityTo, applicableActionCount } from "./action-expansion";

const keys = (actions: readonly { key: string }[]) => actions.map((action) => action.key);
const action = (key: string) => actionsOfPattern(key)[0]!;

describe("expanding action patterns", () => {
  it.each([
    ["s3:GetObject", ["s3:GetObject"]],
    ["S3:getobject", ["s3:GetObject"]],
    ["s3:GetObjectTagg?ng", ["s3:GetObjectTagging"]],
    ["s3:GetObjet", []],
    ["dynamodb:GetItem", ["dynamodb:GetItem"]],
  ])("%s names %j", (pattern, expected) => {
    expect(keys(actionsOfPattern(pattern))).toEqual(expected);
  });

  it("expands a literal service's wildcard to all its actions, whether analyzed or not", () => {
    expect(actionsOfPattern("dynamodb:*").length).toBe(expandActionPattern("dynamodb:*").length);
    expect(keys(actionsOfPattern("s3:Get*"))).toContain("s3:GetBucketPolicy");
  });

  it("keeps a wildcard service part within the analyzed services", () => {
    const services = new Set(actionsOfPattern("*").map((info) => info.service));
    expect([...services].sort()).toEqual(analyzedServices.filter((service) => expandActionPattern(`${service}:*`).length > 0));
    expect(keys(actionsOfPattern("*:GetItem"))).toEqual([]);
    expect(keys(actionsOfPattern("*:GetObject"))).toEqual(["s3:GetObject"]);
  });

  it("expands NotAction to the analyzed services' other actions", () => {
    const actions = keys(actionsExcept(["iam:*", "s3:Delete*"]));
    expect(actions).toContain("s3:GetObject");
    expect(actions).toContain("sagemaker:CreateTrainingJob");
    expect(actions.some((key) => key.startsWith("iam:") || key.startsWith("s3:Delete") || key.startsWith("dynamodb:"))).toBe(false);
  });
});

describe("whether an action applies to a resource", () => {
  it.each([
    ["s3:ListBucket", "arn:aws:s3:::b", true],
    ["s3:ListBucket", "arn:aws:s3:::b/*", false],
    ["s3:GetObject", "arn:aws:s3:::b/*", true],
    ["s3:GetObject", "arn:aws:s3:::b", false],
    ["s3:ListAllMyBuckets", "*", true],
    ["s3:ListAllMyBuckets", "arn:aws:s3:::*", false],
    ["sagemaker:ListTrainingJobs", "arn:aws:sagemaker:us-east-1:111111111111:*", false],
    ["sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:111111111111:*", true],
    ["sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:111111111111:endpoint/*", false],
    ["iam:PassRole", "arn:aws:iam::111111111111:role/ml/team/${aws:username}", true],
  ])("%s on %s: %s", (key, resource, expected) => {
    expect(actionAppliesTo(action(key), resource)).toBe(expected);
  });

  it.each(["*", "arn:aws:s3:::b/*", "arn:aws:sagemaker:us-east-1:111111111111:*", "arn:aws:iam::111111111111:role/ml/team/${aws:username}"])(
    "answers for %s with the resource fixed as it does pair by pair, asked again and again",
    (resource) => {
      const appliesTo = applicabilityTo(resource);
      const actions = [...actionsOfPattern("s3:*"), ...actionsOfPattern("sagemaker:Create*"), ...actionsOfPattern("iam:*")];
      for (const info of [...actions, ...actions]) expect(appliesTo(info)).toBe(actionAppliesTo(info, resource));
      expect(actions.filter((info) => appliesTo(info)).length).toBeGreaterThan(0);
    },
  );

  it("counts every action of a service that can apply to a resource", () => {
    expect(applicableActionCount("s3", "*")).toBe(expandActionPattern("s3:*").length);
    expect(applicableActionCount("s3", "arn:aws:s3:::b")).toBeLessThan(applicableActionCount("s3", "*"));
  });
});
