import { coversEveryRole, namesResources, roleNameHasWildcard } from "./resource-names";

const role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
const notebook = "arn:${Partition}:sagemaker:${Region}:${Account}:notebook-instance/${NotebookInstanceName}";
const userProfile = "arn:${Partition}:sagemaker:${Region}:${Account}:user-profile/${DomainId}/${UserProfileName}";

describe("namesResources", () => {
  it.each<[string, string, boolean]>([
    ["arn:aws:iam::111122223333:role/ml/team-a/team-a-access", role, true],
    ["arn:aws:iam::111122223333:role/ml/team-a/*", role, true],
    ["arn:aws:iam::111122223333:role/team-a-*", role, true],
    ["arn:aws:iam::111122223333:role/${aws:PrincipalTag/team}/*", role, true],
    ["arn:aws:iam::*:role/ml/team-a/*", role, true],
    ["arn:aws:iam::111122223333:role/*", role, false],
    ["arn:aws:iam::111122223333:role*", role, false],
    ["arn:aws:iam::111122223333:*", role, false],
    ["*", role, false],
    ["arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/team-a-*", notebook, true],
    ["arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/*", notebook, false],
    ["arn:aws:sagemaker:*:*:notebook-instance/*", notebook, false],
    ["arn:aws:sagemaker:us-east-1:111122223333:*", notebook, false],
    ["arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-123/team-a-*", userProfile, true],
    ["arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-123/*", userProfile, false],
    ["arn:aws:sagemaker:us-east-1:111122223333:user-profile/*/team-a-*", userProfile, false],
  ])("%s names its resources (format %s): %s", (resource, format, expected) => {
    expect(namesResources(resource, format)).toBe(expected);
  });
});

describe("coversEveryRole", () => {
  it.each<[string, boolean]>([
    ["*", true],
    ["arn:aws:iam::111122223333:role/*", true],
    ["arn:aws:iam::*:*", true],
    ["arn:*", true],
    ["arn:aws:iam::111122223333:role/ml/*", false],
    ["arn:aws:iam::111122223333:role/*-execution", false],
    ["arn:aws:iam::111122223333:policy/*", false],
    ["arn:aws:s3:::*", false],
  ])("%s: %s", (resource, expected) => {
    expect(coversEveryRole(resource)).toBe(expected);
  });
});

describe("roleNameHasWildcard", () => {
  it.each<[string, boolean]>([
    ["arn:aws:iam::111122223333:role/ml/team-a/team-a-execution", false],
    ["arn:aws:iam::*:role/ml/team-a/team-a-execution", false],
    ["arn:aws:iam::111122223333:role/${aws:PrincipalTag/team}-execution", false],
    ["arn:aws:iam::111122223333:role/ml/team-a/*", true],
    ["arn:aws:iam::111122223333:role/team-?", true],
    ["*", true],
  ])("%s: %s", (resource, expected) => {
    expect(roleNameHasWildcard(resource)).toBe(expected);
  });
});
