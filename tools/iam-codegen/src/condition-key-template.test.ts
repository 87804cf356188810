import { conditionKeyTemplate, conditionKeyTypeLiteral, normaliseGlobalConditionKey } from "./condition-key-template";

describe("conditionKeyTypeLiteral", () => {
  it.each([
    ["aws:SourceAccount", '"aws:SourceAccount"'],
    ["aws:RequestTag/${TagKey}", "`aws:RequestTag/${string}`"],
    ["s3:ExistingObjectTag/<key>", "`s3:ExistingObjectTag/${string}`"],
    ["events:Metadata/${MetadataKey}/Matcher", "`events:Metadata/${string}/Matcher`"],
    ["agent.${Domain}.buildkite.dev:build_branch", "`agent.${string}.buildkite.dev:build_branch`"],
    ["kms:EncryptionContext:${EncryptionContextKey}", "`kms:EncryptionContext:${string}`"],
    ["x:${A}${B}", "`x:${string}${string}`"],
    ["x:a`b\\c/${K}", "`x:a\\`b\\\\c/${string}`"],
    ['x:"quoted"', '"x:\\"quoted\\""'],
  ])("turns %s into %s", (key, expected) => {
    expect(conditionKeyTypeLiteral(key)).toBe(expected);
  });
});

describe("conditionKeyTemplate", () => {
  it.each([
    ["aws:TagKeys", "aws:TagKeys"],
    ["aws:RequestTag/${TagKey}", "aws:RequestTag/${string}"],
    ["s3:RequestObjectTag/<key>", "s3:RequestObjectTag/${string}"],
  ])("turns %s into %s", (key, expected) => {
    expect(conditionKeyTemplate(key)).toBe(expected);
  });
});

describe("normaliseGlobalConditionKey", () => {
  it.each([
    ["aws:PrincipalTag/tag-key", "aws:PrincipalTag/${TagKey}"],
    ["aws:RequestTag/tag-key", "aws:RequestTag/${TagKey}"],
    ["aws:SourceAccount", "aws:SourceAccount"],
    ["aws:tag-key-like", "aws:tag-key-like"],
  ])("turns %s into %s", (key, expected) => {
    expect(normaliseGlobalConditionKey(key)).toBe(expected);
  });
});
