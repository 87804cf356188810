import { compileCondition } from "./compiled-condition";
import { RequestContext } from "./request";

type Case = [operator: string, key: string, values: string[], context: Record<string, string | string[]>, expected: boolean];

function holds(operator: string, key: string, values: string[], context: Record<string, string | string[]>): boolean {
  return compileCondition(operator, key, values)(new RequestContext(context));
}

describe("condition evaluation", () => {
  describe("String operators", () => {
    it.each<Case>([
      ["StringEquals", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "ml" }, true],
      ["StringEquals", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "ML" }, false],
      ["StringEquals", "aws:RequestTag/team", ["a", "ml"], { "aws:RequestTag/team": "ml" }, true],
      ["StringEquals", "aws:RequestTag/team", ["m*"], { "aws:RequestTag/team": "ml" }, false],
      ["StringEquals", "aws:RequestTag/team", ["m*"], { "aws:RequestTag/team": "m*" }, true],
      ["StringEquals", "aws:RequestTag/team", ["ml"], {}, false],
      ["StringEqualsIfExists", "aws:RequestTag/team", ["ml"], {}, true],
      ["StringEqualsIfExists", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "ops" }, false],
      ["StringNotEquals", "aws:RequestTag/team", ["ml"], {}, true],
      ["StringNotEquals", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "ops" }, true],
      ["StringNotEquals", "aws:RequestTag/team", ["ops", "ml"], { "aws:RequestTag/team": "ml" }, false],
      ["StringEqualsIgnoreCase", "aws:RequestTag/team", ["ML"], { "aws:RequestTag/team": "ml" }, true],
      ["StringNotEqualsIgnoreCase", "aws:RequestTag/team", ["ML"], { "aws:RequestTag/team": "mL" }, false],
      ["StringNotEqualsIgnoreCase", "aws:RequestTag/team", ["ML"], {}, true],
      ["StringLike", "s3:prefix", ["home/*"], { "s3:prefix": "home/alice/x" }, true],
      ["StringLike", "s3:prefix", ["home/?"], { "s3:prefix": "home/ab" }, false],
      ["StringLike", "s3:prefix", ["home/??"], { "s3:prefix": "home/ab" }, true],
      ["StringLike", "s3:prefix", ["Home/*"], { "s3:prefix": "home/a" }, false],
      ["StringNotLike", "s3:prefix", ["home/*"], { "s3:prefix": "data/a" }, true],
      ["StringNotLike", "s3:prefix", ["home/*"], { "s3:prefix": "home/a" }, false],
      ["StringNotLike", "s3:prefix", ["home/*"], {}, true],
      ["StringLikeIfExists", "s3:prefix", ["home/*"], {}, true],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("Numeric operators", () => {
    it.each<Case>([
      ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], { "aws:MultiFactorAuthAge": "120" }, true],
      ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], { "aws:MultiFactorAuthAge": "3600" }, false],
      ["NumericLessThanEquals", "aws:MultiFactorAuthAge", ["3600"], { "aws:MultiFactorAuthAge": "3600" }, true],
      ["NumericGreaterThan", "aws:MultiFactorAuthAge", ["3600"], { "aws:MultiFactorAuthAge": "3600.5" }, true],
      ["NumericGreaterThanEquals", "aws:MultiFactorAuthAge", ["10"], { "aws:MultiFactorAuthAge": "9" }, false],
      ["NumericEquals", "aws:MultiFactorAuthAge", ["10", "20"], { "aws:MultiFactorAuthAge": "20.0" }, true],
      ["NumericNotEquals", "aws:MultiFactorAuthAge", ["10", "20"], { "aws:MultiFactorAuthAge": "30" }, true],
      ["NumericNotEquals", "aws:MultiFactorAuthAge", ["10"], {}, true],
      ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], {}, false],
      ["NumericLessThanIfExists", "aws:MultiFactorAuthAge", ["3600"], {}, true],
      ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], { "aws:MultiFactorAuthAge": "soon" }, false],
      ["NumericNotEquals", "aws:MultiFactorAuthAge", ["3600"], { "aws:MultiFactorAuthAge": "soon" }, false],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("Date operators, ISO 8601 and epoch seconds", () => {
    it.each<Case>([
      ["DateLessThan", "aws:CurrentTime", ["2026-01-01T00:00:00Z"], { "aws:CurrentTime": "2025-06-01T12:00:00Z" }, true],
      ["DateLessThan", "aws:CurrentTime", ["2026-01-01"], { "aws:CurrentTime": "2026-01-01T00:00:01Z" }, false],
      ["DateGreaterThan", "aws:CurrentTime", ["1735689600"], { "aws:CurrentTime": "2025-01-01T00:00:01Z" }, true],
      ["DateEquals", "aws:CurrentTime", ["1735689600"], { "aws:CurrentTime": "2025-01-01T00:00:00Z" }, true],
      ["DateEquals", "aws:CurrentTime", ["2025-01-01T01:00:00+01:00"], { "aws:CurrentTime": "2025-01-01T00:00:00Z" }, true],
      ["DateNotEquals", "aws:CurrentTime", ["2025-01-01T00:00:00Z"], { "aws:CurrentTime": "2025-01-02T00:00:00Z" }, true],
      ["DateNotEquals", "aws:CurrentTime", ["2025-01-01T00:00:00Z"], {}, true],
      ["DateLessThanEquals", "aws:EpochTime", ["1735689600"], { "aws:EpochTime": "1735689600" }, true],
      ["DateGreaterThanEquals", "aws:CurrentTime", ["2025-01-01T00:00:00Z"], { "aws:CurrentTime": "yesterday" }, false],
      ["DateGreaterThanIfExists", "aws:CurrentTime", ["2025-01-01T00:00:00Z"], {}, true],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("Bool, Binary and Null", () => {
    it.each<Case>([
      ["Bool", "aws:MultiFactorAuthPresent", ["true"], { "aws:MultiFactorAuthPresent": "true" }, true],
      ["Bool", "aws:MultiFactorAuthPresent", ["true"], { "aws:MultiFactorAuthPresent": "TRUE" }, true],
      ["Bool", "aws:MultiFactorAuthPresent", ["false"], { "aws:MultiFactorAuthPresent": "true" }, false],
      ["Bool", "aws:MultiFactorAuthPresent", ["false"], {}, false],
      ["BoolIfExists", "aws:MultiFactorAuthPresent", ["false"], {}, true],
      ["Bool", "aws:MultiFactorAuthPresent", ["true"], { "aws:MultiFactorAuthPresent": "yes" }, false],
      ["BinaryEquals", "ec2:UserData", ["aGVsbG8="], { "ec2:UserData": "aGVsbG8=" }, true],
      ["BinaryEquals", "ec2:UserData", ["aGVsbG8="], { "ec2:UserData": "aGVsbG9v" }, false],
      ["BinaryEquals", "ec2:UserData", ["aGVsbG8="], { "ec2:UserData": "not base64!" }, false],
      ["BinaryEqualsIfExists", "ec2:UserData", ["aGVsbG8="], {}, true],
      ["Null", "aws:RequestTag/team", ["true"], {}, true],
      ["Null", "aws:RequestTag/team", ["true"], { "aws:RequestTag/team": "ml" }, false],
      ["Null", "aws:RequestTag/team", ["false"], { "aws:RequestTag/team": "ml" }, true],
      ["Null", "aws:TagKeys", ["false"], { "aws:TagKeys": ["team", "cost"] }, true],
      ["Null", "aws:RequestTag/team", ["FALSE"], {}, false],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("IpAddress operators, IPv4 and IPv6", () => {
    it.each<Case>([
      ["IpAddress", "aws:SourceIp", ["203.0.113.0/24"], { "aws:SourceIp": "203.0.113.77" }, true],
      ["IpAddress", "aws:SourceIp", ["203.0.113.0/24"], { "aws:SourceIp": "203.0.114.1" }, false],
      ["IpAddress", "aws:SourceIp", ["203.0.113.7"], { "aws:SourceIp": "203.0.113.7" }, true],
      ["IpAddress", "aws:SourceIp", ["0.0.0.0/0"], { "aws:SourceIp": "8.8.8.8" }, true],
      ["IpAddress", "aws:SourceIp", ["2001:db8::/32"], { "aws:SourceIp": "2001:db8:1::7" }, true],
      ["IpAddress", "aws:SourceIp", ["2001:db8::/32"], { "aws:SourceIp": "2001:db9::1" }, false],
      ["IpAddress", "aws:SourceIp", ["2001:db8::/32"], { "aws:SourceIp": "203.0.113.7" }, false],
      ["NotIpAddress", "aws:SourceIp", ["2001:db8::/32"], { "aws:SourceIp": "203.0.113.7" }, true],
      ["NotIpAddress", "aws:SourceIp", ["10.0.0.0/8", "192.168.0.0/16"], { "aws:SourceIp": "192.168.4.4" }, false],
      ["NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"], {}, true],
      ["NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"], { "aws:SourceIp": "not-an-ip" }, false],
      ["IpAddress", "aws:SourceIp", ["10.0.0.0/8"], {}, false],
      ["IpAddressIfExists", "aws:SourceIp", ["10.0.0.0/8"], {}, true],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("Arn operators, segment by segment", () => {
    const role = "arn:aws:iam::111111111111:role/ml/data-scientists/execution";
    it.each<Case>([
      ["ArnEquals", "iam:PassedRole", [role], { "iam:PassedRole": role }, true],
      ["ArnLike", "aws:SourceArn", ["arn:aws:iam::*:role/ml/*"], { "aws:SourceArn": role }, true],
      ["ArnEquals", "aws:SourceArn", ["arn:aws:iam::*:role/ml/*"], { "aws:SourceArn": role }, true],
      ["ArnLike", "aws:SourceArn", ["arn:aws:iam::*:role/ML/*"], { "aws:SourceArn": role }, false],
      // `*` in the account segment cannot swallow the colon before the resource.
      ["ArnLike", "aws:SourceArn", ["arn:aws:iam::*"], { "aws:SourceArn": role }, false],
      ["ArnLike", "aws:SourceArn", ["arn:aws:iam::*:*"], { "aws:SourceArn": role }, true],
      ["ArnLike", "aws:SourceArn", ["arn:aws:sagemaker:*:*:training-job/*"], { "aws:SourceArn": role }, false],
      ["ArnNotLike", "aws:SourceArn", ["arn:aws:sagemaker:*:*:*"], { "aws:SourceArn": role }, true],
      ["ArnNotEquals", "aws:SourceArn", [role], { "aws:SourceArn": role }, false],
      ["ArnNotLike", "aws:SourceArn", ["arn:aws:sagemaker:*:*:*"], {}, true],
      ["ArnLike", "aws:SourceArn", ["arn:aws:iam::*:role/*"], { "aws:SourceArn": "not-an-arn" }, false],
      ["ArnNotLike", "aws:SourceArn", ["arn:aws:iam::*:role/*"], { "aws:SourceArn": "not-an-arn" }, false],
      ["ArnLikeIfExists", "aws:SourceArn", ["arn:aws:iam::*:role/*"], {}, true],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("set operators over multivalued keys", () => {
    it.each<Case>([
      ["ForAllValues:StringEquals", "aws:TagKeys", ["team", "cost"], { "aws:TagKeys": ["team"] }, true],
      ["ForAllValues:StringEquals", "aws:TagKeys", ["team", "cost"], { "aws:TagKeys": ["team", "owner"] }, false],
      ["ForAllValues:StringEquals", "aws:TagKeys", ["team"], {}, true],
      ["ForAllValues:StringEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": [] }, true],
      ["ForAllValues:StringEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": "team" }, true],
      ["ForAllValues:StringLike", "aws:TagKeys", ["team*"], { "aws:TagKeys": ["team", "team-lead"] }, true],
      ["ForAllValues:StringNotEquals", "aws:TagKeys", ["secret"], { "aws:TagKeys": ["team", "cost"] }, true],
      ["ForAllValues:StringNotEquals", "aws:TagKeys", ["secret"], { "aws:TagKeys": ["team", "secret"] }, false],
      ["ForAnyValue:StringEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": ["cost", "team"] }, true],
      ["ForAnyValue:StringEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": ["cost"] }, false],
      ["ForAnyValue:StringEquals", "aws:TagKeys", ["team"], {}, false],
      ["ForAnyValue:StringEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": [] }, false],
      ["ForAnyValue:StringNotEquals", "aws:TagKeys", ["team"], {}, false],
      ["ForAnyValue:StringNotEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": ["team", "cost"] }, true],
      ["ForAnyValue:StringEqualsIfExists", "aws:TagKeys", ["team"], {}, true],
      ["ForAllValues:StringEqualsIfExists", "aws:TagKeys", ["team"], { "aws:TagKeys": ["cost"] }, false],
      ["ForAnyValue:NumericLessThan", "s3:max-keys", ["10"], { "s3:max-keys": ["50", "5"] }, true],
      ["ForAllValues:IpAddress", "aws:SourceIp", ["10.0.0.0/8"], { "aws:SourceIp": ["10.1.1.1", "10.2.2.2"] }, true],
      ["ForAnyValue:ArnLike", "aws:PrincipalOrgPaths", ["arn:aws:iam::*:role/ml/*"], { "aws:PrincipalOrgPaths": ["x", "arn:aws:iam::1:role/ml/a"] }, true],
      ["ForAllValues:DateLessThan", "aws:CurrentTime", ["2026-01-01T00:00:00Z"], { "aws:CurrentTime": ["2025-01-01T00:00:00Z"] }, true],
      ["ForAnyValue:Bool", "aws:MultiFactorAuthPresent", ["true"], { "aws:MultiFactorAuthPresent": ["false", "true"] }, true],
      // A plain operator needs a single value: a multivalued key never satisfies it, negated or not.
      ["StringEquals", "aws:TagKeys", ["team"], { "aws:TagKeys": ["team"] }, false],
      ["StringNotEquals", "aws:TagKeys", ["secret"], { "aws:TagKeys": ["team"] }, false],
      ["StringEqualsIfExists", "aws:TagKeys", ["team"], { "aws:TagKeys": ["team"] }, false],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });

  describe("names and values", () => {
    it("reads condition key names case-insensitively and values case-sensitively", () => {
      expect(holds("StringEquals", "AWS:RequestTag/Team", ["ml"], { "aws:requesttag/team": "ml" })).toBe(true);
      expect(holds("StringEquals", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "Ml" })).toBe(false);
    });

    it("reads operator names case-insensitively", () => {
      expect(holds("stringequals", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "ml" })).toBe(true);
      expect(holds("forallvalues:stringequals", "aws:TagKeys", ["team"], { "aws:TagKeys": ["team"] })).toBe(true);
    });

    it("never matches an operator IAM does not have", () => {
      expect(holds("StringSortOf", "aws:RequestTag/team", ["ml"], { "aws:RequestTag/team": "ml" })).toBe(false);
      expect(holds("NullIfExists", "aws:RequestTag/team", ["true"], {})).toBe(false);
    });
  });

  describe("policy variables in condition values", () => {
    it.each<Case>([
      ["StringEquals", "aws:ResourceTag/owner", ["${aws:username}"], { "aws:ResourceTag/owner": "alice", "aws:username": "alice" }, true],
      ["StringEquals", "aws:ResourceTag/owner", ["${aws:username}"], { "aws:ResourceTag/owner": "alice", "aws:username": "bob" }, false],
      ["StringLike", "s3:prefix", ["home/${aws:username}/*"], { "s3:prefix": "home/alice/a", "aws:username": "alice" }, true],
      // A `*` in a substituted value is literal, not a wildcard.
      ["StringLike", "s3:prefix", ["home/${aws:username}/x"], { "s3:prefix": "home/alice/x", "aws:username": "*" }, false],
      ["StringEquals", "aws:ResourceTag/team", ["${aws:PrincipalTag/team}"], { "aws:ResourceTag/team": "ml", "aws:PrincipalTag/team": "ml" }, true],
      ["StringEquals", "aws:ResourceTag/team", ["${aws:PrincipalTag/team}"], { "aws:ResourceTag/team": "ml" }, false],
      ["StringNotEquals", "aws:ResourceTag/team", ["${aws:PrincipalTag/team}"], { "aws:ResourceTag/team": "ml" }, false],
      ["StringEquals", "aws:ResourceTag/team", ["${aws:PrincipalTag/team, 'shared'}"], { "aws:ResourceTag/team": "shared" }, true],
      ["StringEqualsIgnoreCase", "aws:ResourceTag/team", ["${aws:PrincipalTag/team}"], { "aws:ResourceTag/team": "ML", "aws:PrincipalTag/team": "ml" }, true],
      ["StringEquals", "aws:ResourceTag/team", ["${aws:TagKeys}"], { "aws:ResourceTag/team": "ml", "aws:TagKeys": ["ml"] }, false],
      ["ArnLike", "iam:PassedRole", ["arn:aws:iam::*:role/${aws:PrincipalTag/team}/*"], { "iam:PassedRole": "arn:aws:iam::1:role/ml/x", "aws:PrincipalTag/team": "ml" }, true],
      ["Bool", "aws:SecureTransport", ["${aws:MultiFactorAuthPresent}"], { "aws:SecureTransport": "true", "aws:MultiFactorAuthPresent": "true" }, true],
    ])("%s %s %j with %j → %s", (operator, key, values, context, expected) => {
      expect(holds(operator, key, values, context)).toBe(expected);
    });
  });
});
