import { parseDeprecatedReplacement } from "./deprecated-condition-key";

describe("parseDeprecatedReplacement", () => {
  it.each([
    [
      "Filters access by the volume kms key associated with the resource in the request. This key has been deprecated. It has been replaced by sagemaker:VolumeKmsKeyArn",
      "sagemaker:VolumeKmsKeyArn",
    ],
    ["The kms:CustomerMasterKeySpec condition key is deprecated. Instead, use the kms:KeySpec condition key", "kms:KeySpec"],
    ["Filters access by the key identifier of the KMS key in the request. Deprecated: Use secretsmanager:KmsKeyArn", "secretsmanager:KmsKeyArn"],
    ["This key is deprecated. It has been replaced by svc:NewKey.", "svc:NewKey"],
    ["Deprecated. Use the svc:Tag/${TagKey} condition key", "svc:Tag/${TagKey}"],
    ["This key has been deprecated and replaced by token.actions.githubusercontent.com:sub", "token.actions.githubusercontent.com:sub"],
  ])("finds the replacement in %j", (description, expected) => {
    expect(parseDeprecatedReplacement(description)).toBe(expected);
  });

  it.each([
    "Filters access by the Legacy Partner Central role",
    "Filters access by the tags that are passed in the request",
    "Grants permission to deprecate the specified activity type",
    "This key has been deprecated",
    "Instead, use the svc:Other key to filter by owner",
    "",
  ])("finds no replacement in %j", (description) => {
    expect(parseDeprecatedReplacement(description)).toBeUndefined();
  });
});
