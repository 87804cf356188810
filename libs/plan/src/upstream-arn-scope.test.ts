import { upstreamArnScopeProblems } from "./upstream-arn-scope";

const consumer = { partition: "aws", account: "111111111111" };
const problemsOf = (outputs: Record<string, unknown>, scope = consumer, keys?: string[]) =>
  upstreamArnScopeProblems({ project: "central-ai", env: "dev", outputs, consumer: scope, keys });

describe("ARNs a stack receives from an upstream stack", () => {
  it("accepts ARNs of the consumer's account and partition, bucket ARNs and AWS managed policies", () => {
    expect(
      problemsOf({
        permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/ml/central-ai/team-boundary",
        datasetBucketArns: ["arn:aws:s3:::ai-datasets-dev"],
        sagemakerReadOnlyPolicyArn: "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly",
        groupName: "central-ai-users",
      }),
    ).toEqual([]);
  });

  it("refuses an ARN of another account, naming the producer, the output and both accounts", () => {
    expect(problemsOf({ deployRoleArns: { "data-scientists": "arn:aws:iam::333333333333:role/ml-platform/deploy/data-scientists-deploy" } })).toEqual([
      "upstream stack central-ai (dev) output deployRoleArns.data-scientists: arn:aws:iam::333333333333:role/ml-platform/deploy/data-scientists-deploy " +
        "is in account 333333333333, not this stack's 111111111111",
    ]);
  });

  it("refuses an arn:aws boundary handed to an aws-cn stack", () => {
    expect(problemsOf({ permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/ml/central-ai/team-boundary" }, { partition: "aws-cn", account: "111111111111" })).toEqual([
      "upstream stack central-ai (dev) output permissionsBoundaryArn: arn:aws:iam::111111111111:policy/ml/central-ai/team-boundary " +
        "is in partition aws, not this stack's aws-cn",
    ]);
  });

  it("checks only the outputs the consumer reads when it names them", () => {
    const outputs = { accessRoleArn: "arn:aws:iam::111111111111:role/ml/central-ai/central-ai-access", otherArn: "arn:aws:iam::333333333333:role/x" };
    expect(problemsOf(outputs, consumer, ["accessRoleArn"])).toEqual([]);
    expect(problemsOf(outputs, consumer, ["datasetKmsKeyArns", "otherArn"])).toHaveLength(1);
  });
});
