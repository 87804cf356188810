import {
  conditionKeysForActions,
  expandActionPattern,
  findAction,
  findConditionKey,
  findResourceType,
  serviceExists,
} from "./service-catalog";

describe("serviceExists", () => {
  it.each([
    ["s3", true],
    ["S3", true],
    ["SageMaker", true],
    ["ecr", true],
    ["s4", false],
    ["", false],
    ["aws", false],
    ["../actions/s3", false],
  ])("says %j exists: %s", (prefix, expected) => {
    expect(serviceExists(prefix)).toBe(expected);
  });
});

describe("findAction", () => {
  it.each(["s3:GetObject", "s3:getobject", "S3:GETOBJECT", "s3:gEtObJeCt"])("finds s3:GetObject spelled %s", (spelling) => {
    expect(findAction(spelling)).toMatchObject({ service: "s3", name: "GetObject", key: "s3:GetObject", accessLevel: "Read" });
  });

  it.each(["s3:GetObjet", "s3:", "s3", "nosuchservice:GetObject", "", ":GetObject", "s3:Get*"])(
    "returns undefined for %j",
    (action) => {
      expect(findAction(action)).toBeUndefined();
    },
  );

  it("lists no resource types for ecr:GetAuthorizationToken, which supports only Resource *", () => {
    expect(findAction("ecr:GetAuthorizationToken")?.resourceTypes).toEqual([]);
  });

  it("gives s3:ListBucket the bucket resource type", () => {
    const names = findAction("s3:ListBucket")?.resourceTypes.map((type) => type.name);
    expect(names).toContain("bucket");
    expect(names).not.toContain("object");
  });

  it("carries the action's own condition keys", () => {
    expect(findAction("s3:GetObject")?.conditionKeys).toContain("s3:ExistingObjectTag/<key>");
  });

  it("hands out entries callers cannot corrupt for each other", () => {
    const action = findAction("s3:GetObject");
    expect(() => action?.conditionKeys.push("x:y")).toThrow(TypeError);
    expect(findAction("s3:GetObject")?.conditionKeys).not.toContain("x:y");
  });
});

describe("expandActionPattern", () => {
  const keys = (pattern: string): string[] => expandActionPattern(pattern).map((action) => action.key);

  it.each([
    ["s3:Get*", "s3:GetObject", "s3:PutObject"],
    ["S3:GET*", "s3:GetObject", "s3:PutObject"],
    ["s3:*Object", "s3:PutObject", "s3:PutObjectAcl"],
    ["s3:?etObject", "s3:GetObject", "s3:GetObjectAcl"],
    ["s3:*", "s3:ListBucket", "sagemaker:ListModels"],
    ["s3*:List*", "s3-outposts:ListRegionalBuckets", "sagemaker:ListModels"],
    ["*:GetAuthorizationToken", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer"],
  ])("expands %s to include %s and not %s", (pattern, included, excluded) => {
    expect(keys(pattern)).toContain(included);
    expect(keys(pattern)).not.toContain(excluded);
  });

  it.each(["sagemaker:Describe*", "sagemaker:Create*", "iam:*"])("expands %s to a non-empty list of that service's actions", (pattern) => {
    const service = pattern.slice(0, pattern.indexOf(":"));
    const expanded = expandActionPattern(pattern);
    expect(expanded.length).toBeGreaterThan(0);
    expect(expanded.every((action) => action.service === service)).toBe(true);
  });

  it.each(["s3:Got*", "nosuchservice:*", "s3:GetObject?Acl"])("expands %s to nothing", (pattern) => {
    expect(expandActionPattern(pattern)).toEqual([]);
  });

  it("expands a pattern without wildcards to just that action", () => {
    expect(keys("s3:getobject")).toEqual(["s3:GetObject"]);
  });

  it("expands * alone to every action of every service", () => {
    const all = expandActionPattern("*");
    expect(all.length).toBeGreaterThan(20000);
    expect(new Set(all.map((action) => action.service)).size).toBeGreaterThan(400);
    expect(all.map((action) => action.key)).toEqual(expect.arrayContaining(["s3:GetObject", "sagemaker:CreateTrainingJob"]));
  });

  it("returns a fresh array each time, so callers cannot change the cached expansion", () => {
    const first = expandActionPattern("s3:Get*");
    const length = first.length;
    first.length = 0;
    expect(expandActionPattern("s3:Get*")).toHaveLength(length);
  });
});

describe("expandActionPattern on adversarial patterns", () => {
  // A regular expression per `*` backtracked for tens of seconds on these; the wildcard scan is linear.
  it.each([`s3:${"*".repeat(12)}x`, `*${"*?".repeat(2_000)}x`, `s3:${"a*".repeat(20_000)}`, `s3:${"x".repeat(100_000)}`])("expands %# at once", (pattern) => {
    expect(expandActionPattern(pattern).every((action) => action.key.toLowerCase().endsWith(pattern.at(-1)!))).toBe(true);
  });

  it("still finds what a run of stars matches", () => {
    expect(expandActionPattern(`s3:${"*".repeat(12)}Object`).map((action) => action.key)).toContain("s3:GetObject");
  });
});

describe("findResourceType", () => {
  it.each([
    ["s3", "bucket", "arn:${Partition}:s3:::${BucketName}"],
    ["S3", "OBJECT", "arn:${Partition}:s3:::${BucketName}/${ObjectName}"],
    ["sagemaker", "training-job", "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"],
    ["iam", "role", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"],
  ])("finds %s %s with format %s", (service, name, arnFormat) => {
    expect(findResourceType(service, name)?.arnFormat).toBe(arnFormat);
  });

  it("keeps the data's canonical spelling of resource type names", () => {
    expect(findResourceType("access-analyzer", "analyzer")?.name).toBe("Analyzer");
  });

  it("lists no condition keys for resource types whose data omits them", () => {
    expect(findResourceType("sagemaker", "human-loop")?.conditionKeys).toEqual([]);
  });

  it.each([
    ["s3", "bucketz"],
    ["nosuchservice", "bucket"],
  ])("returns undefined for %s %s", (service, name) => {
    expect(findResourceType(service, name)).toBeUndefined();
  });
});

describe("findConditionKey", () => {
  it.each([
    ["aws:SourceAccount", "aws:SourceAccount", "String", true],
    ["AWS:SOURCEACCOUNT", "aws:SourceAccount", "String", true],
    ["aws:SecureTransport", "aws:SecureTransport", "Bool", true],
    ["aws:RequestTag/team", "aws:RequestTag/${TagKey}", "String", true],
    ["aws:PrincipalTag/cost-center", "aws:PrincipalTag/${TagKey}", "String", true],
    ["aws:TagKeys", "aws:TagKeys", "ArrayOfString", true],
    ["sagemaker:VolumeKmsKey", "sagemaker:VolumeKmsKey", "ARN", false],
    ["SageMaker:volumekmskey", "sagemaker:VolumeKmsKey", "ARN", false],
    ["s3:prefix", "s3:prefix", "String", false],
    ["s3:ExistingObjectTag/classification", "s3:ExistingObjectTag/<key>", "String", false],
    ["sagemaker:ResourceTag/team", "sagemaker:ResourceTag/${TagKey}", "String", false],
    ["events:Metadata/source/Matcher", "events:Metadata/${MetadataKey}/Matcher", "String", false],
    ["saml:aud", "saml:aud", "String", false],
    ["ec2:osuser", "ec2:osuser", "String", false],
    ["token.actions.example.ghe.com:repository", "token.actions.${Domain}.ghe.com:repository", "String", false],
  ])("finds %s as %s (%s, global: %s)", (key, canonical, type, global) => {
    expect(findConditionKey(key)).toMatchObject({ key: canonical, type, global });
  });

  it("gives placeholder keys a case-insensitive pattern", () => {
    const info = findConditionKey("aws:RequestTag/team");
    expect(info?.pattern?.test("AWS:requesttag/Project")).toBe(true);
    expect(info?.pattern?.test("aws:RequestTag/")).toBe(false);
    expect(findConditionKey("aws:SourceAccount")?.pattern).toBeUndefined();
  });

  it.each(["aws:SourceAcount", "aws:RequestTag/", "aws:RequestTag", "s3:NoSuchKey", "nosuchservice:Key", "sagemaker:VolumeKms", "", "noColon"])(
    "returns undefined for unknown key %j",
    (key) => {
      expect(findConditionKey(key)).toBeUndefined();
    },
  );
});

describe("conditionKeysForActions", () => {
  it("collects lowercased keys of the actions, their resource types and those types' definitions", () => {
    const keys = conditionKeysForActions(expandActionPattern("sagemaker:CreateTrainingJob"));
    expect(keys).toContain("sagemaker:volumekmskeyarn");
    expect(keys).toContain("aws:requesttag/${tagkey}");
    expect(keys).toContain("aws:resourcetag/${tagkey}");
    expect(keys).not.toContain("s3:prefix");
  });

  it("omits deprecated keys the data no longer attaches to any action", () => {
    expect(conditionKeysForActions(expandActionPattern("sagemaker:*")).has("sagemaker:volumekmskey")).toBe(false);
  });

  it("finds nothing for no actions", () => {
    expect(conditionKeysForActions([]).size).toBe(0);
  });
});
