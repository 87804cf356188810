import { RequestContext, splitArn } from "./request";
import { compileResourcePattern, type ResourcePatternMatch } from "./resource-pattern";

function matchOf(pattern: string, resource: string, context: Record<string, string | string[]> = {}): ResourcePatternMatch {
  return compileResourcePattern(pattern)({ text: resource, segments: splitArn(resource) }, new RequestContext(context));
}

describe("resource patterns", () => {
  it.each<[string, string, ResourcePatternMatch]>([
    ["*", "arn:aws:s3:::datasets/a", "match"],
    ["*", "*", "match"],
    ["arn:aws:s3:::datasets/*", "arn:aws:s3:::datasets/curated/a.csv", "match"],
    ["arn:aws:s3:::datasets/*", "arn:aws:s3:::datasets", "no-match"],
    ["arn:aws:s3:::datasets", "arn:aws:s3:::datasets", "match"],
    ["arn:aws:s3:::Datasets/*", "arn:aws:s3:::datasets/a", "no-match"],
    ["arn:aws:s3:::datasets/A*", "arn:aws:s3:::datasets/a", "no-match"],
    ["arn:aws:s3:::data?ets/*", "arn:aws:s3:::datasets/a", "match"],
    ["arn:aws:sagemaker:*:*:training-job/ml-*", "arn:aws:sagemaker:us-east-1:111111111111:training-job/ml-1", "match"],
    ["arn:aws:sagemaker:*:*:training-job/ml-*", "arn:aws:sagemaker:us-east-1:111111111111:processing-job/ml-1", "no-match"],
    // Within the resource segment a wildcard spans colons and slashes.
    ["arn:aws:logs:*:*:log-group:/aws/sagemaker/*", "arn:aws:logs:us-east-1:1:log-group:/aws/sagemaker/x:log-stream:y", "match"],
    // Outside it, a wildcard stays within its segment.
    ["arn:aws:iam::*", "arn:aws:iam::111111111111:role/x", "match"],
    ["arn:aws:*:us-east-1:*:*", "arn:aws:ec2:us-east-1:1:instance/i-1", "match"],
    ["arn:aws:ec2:*:1:*", "arn:aws:ec2:us-east-1:2:instance/i-1", "no-match"],
    ["arn:aws:s3", "arn:aws:s3:::datasets/a", "match"],
    ["arn:aws:s3:::datasets/*", "*", "no-match"],
    ["arn:aws:s3:::datasets/*", "not-an-arn", "no-match"],
    ["datasets*", "datasets-1", "match"],
  ])("%s against %s → %s", (pattern, resource, expected) => {
    expect(matchOf(pattern, resource)).toBe(expected);
  });

  it.each<[string, Record<string, string | string[]>, ResourcePatternMatch]>([
    [`arn:aws:s3:::home/\${aws:username}/*`, { "aws:username": "alice" }, "match"],
    [`arn:aws:s3:::home/\${aws:username}/*`, { "aws:username": "bob" }, "no-match"],
    [`arn:aws:s3:::home/\${AWS:UserName}/*`, { "aws:username": "alice" }, "match"],
    [`arn:aws:s3:::home/\${aws:username}/*`, {}, "unresolved"],
    [`arn:aws:s3:::home/\${aws:username}/*`, { "aws:username": ["alice"] }, "unresolved"],
    [`arn:aws:s3:::home/\${aws:username, 'alice'}/*`, {}, "match"],
    [`arn:aws:s3:::home/\${aws:PrincipalTag/team}/*`, { "aws:PrincipalTag/team": "alice" }, "match"],
    // A value with a wildcard character is substituted literally.
    [`arn:aws:s3:::home/\${aws:username}/notes.txt`, { "aws:username": "*" }, "no-match"],
    // Escapes stand for literal characters.
    [`arn:aws:s3:::home/alice/\${*}`, {}, "no-match"],
    [`arn:aws:s3:::home/\${$}alice/*`, {}, "no-match"],
  ])("%s with %j → %s", (pattern, context, expected) => {
    expect(matchOf(pattern, "arn:aws:s3:::home/alice/notes.txt", context)).toBe(expected);
  });

  it("matches the escapes against the literal characters", () => {
    expect(matchOf(`arn:aws:s3:::b/\${*}\${?}\${$}`, "arn:aws:s3:::b/*?$")).toBe("match");
    expect(matchOf(`arn:aws:s3:::b/\${*}`, "arn:aws:s3:::b/x")).toBe("no-match");
  });

  it.each<[string, string, ResourcePatternMatch]>([
    [`arn:aws:sagemaker:*:*:training-job/\${aws:PrincipalTag/team}-*`, "arn:aws:sagemaker:us-east-1:1:processing-job/ml-1", "no-match"],
    [`arn:aws:sagemaker:*:*:training-job/\${aws:PrincipalTag/team}-*`, "arn:aws:sagemaker:us-east-1:1:training-job/ml-1", "unresolved"],
    [`arn:aws:iam::1:role/\${aws:PrincipalTag/team}/*`, "arn:aws:iam::1:user/ml/alice", "no-match"],
    // S3 bucket and object ARNs have no resource type: the bucket name comes first.
    [`arn:aws:s3:::home/\${aws:username}/*`, "arn:aws:s3:::datasets/a", "unresolved"],
  ])("tells %s with no value from %s by the resource type alone → %s", (pattern, resource, expected) => {
    expect(matchOf(pattern, resource)).toBe(expected);
  });

  it("decides on an earlier segment before a variable needs a value", () => {
    expect(matchOf(`arn:aws:s3:::home/\${aws:username}`, "arn:aws:ec2:us-east-1:1:instance/i-1")).toBe("no-match");
  });
});
