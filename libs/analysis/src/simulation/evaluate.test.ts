import type { PolicyDocumentJson, StatementJson } from "@ml-iam/iam";
import { simulate, type SimulationDecision } from "./evaluate";
import type { SimulationRequest } from "./request";

const datasets = "arn:aws:s3:::ml-datasets-dev";
const trainingJob = "arn:aws:sagemaker:us-east-1:111111111111:training-job/data-scientists-7";

function document(...statements: StatementJson[]): PolicyDocumentJson {
  return { Version: "2012-10-17", Statement: statements };
}

const readDatasets = document({ Sid: "ReadDatasets", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [datasets, `${datasets}/*`] });
const everything = document({ Effect: "Allow", Action: "*", Resource: "*" });

function decide(request: SimulationRequest, identity: PolicyDocumentJson[], boundary?: PolicyDocumentJson): SimulationDecision {
  return simulate(request, { identity, boundary }).decision;
}

describe("simulate", () => {
  describe("evaluation logic", () => {
    it.each<[string, SimulationRequest, PolicyDocumentJson[], PolicyDocumentJson | undefined, SimulationDecision]>([
      ["allows what an identity policy allows", { action: "s3:GetObject", resource: `${datasets}/a.csv` }, [readDatasets], undefined, "Allowed"],
      ["denies implicitly what no policy allows", { action: "s3:PutObject", resource: `${datasets}/a.csv` }, [readDatasets], undefined, "ImplicitlyDenied"],
      ["denies implicitly with no policy at all", { action: "s3:GetObject", resource: `${datasets}/a.csv` }, [], undefined, "ImplicitlyDenied"],
      [
        "lets an explicit deny in another identity policy win",
        { action: "s3:GetObject", resource: `${datasets}/a.csv` },
        [readDatasets, document({ Effect: "Deny", Action: "s3:*", Resource: `${datasets}/*` })],
        undefined,
        "ExplicitlyDenied",
      ],
      [
        "denies implicitly what the identity policy allows but the boundary does not",
        { action: "sagemaker:CreateTrainingJob", resource: trainingJob },
        [everything],
        readDatasets,
        "ImplicitlyDenied",
      ],
      ["allows what both the identity policy and the boundary allow", { action: "s3:ListBucket", resource: datasets }, [everything], readDatasets, "Allowed"],
      ["does not grant by the boundary alone", { action: "s3:ListBucket", resource: datasets }, [], everything, "ImplicitlyDenied"],
      [
        "denies explicitly on a deny in the boundary",
        { action: "s3:GetObject", resource: `${datasets}/a.csv` },
        [readDatasets],
        document({ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Deny", Action: "s3:GetObject", Resource: "*" }),
        "ExplicitlyDenied",
      ],
      [
        "denies explicitly on a boundary deny even when the identity policies allow nothing",
        { action: "s3:GetObject", resource: `${datasets}/a.csv` },
        [],
        document({ Effect: "Deny", Action: "*", Resource: "*" }),
        "ExplicitlyDenied",
      ],
      ["denies implicitly within an empty boundary", { action: "s3:GetObject", resource: `${datasets}/a.csv` }, [readDatasets], document(), "ImplicitlyDenied"],
    ])("%s", (_case, request, identity, boundary, expected) => {
      expect(decide(request, identity, boundary)).toBe(expected);
    });
  });

  describe("actions and resources", () => {
    it.each<[string, StatementJson, SimulationRequest, SimulationDecision]>([
      ["matches actions case-insensitively", { Effect: "Allow", Action: "S3:getobject", Resource: "*" }, { action: "s3:GetObject", resource: datasets }, "Allowed"],
      ["matches resources case-sensitively", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ML-datasets-dev/*" }, { action: "s3:GetObject", resource: `${datasets}/a` }, "ImplicitlyDenied"],
      ["matches action wildcards", { Effect: "Allow", Action: "sagemaker:Create*Job", Resource: "*" }, { action: "sagemaker:CreateTrainingJob", resource: trainingJob }, "Allowed"],
      ["matches the ? action wildcard", { Effect: "Allow", Action: "s3:?etObject", Resource: "*" }, { action: "s3:GetObject", resource: datasets }, "Allowed"],
      ["applies NotAction to every other action", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }, { action: "s3:GetObject", resource: datasets }, "Allowed"],
      ["applies NotAction to none of its actions", { Effect: "Allow", NotAction: ["iam:*", "s3:Get*"], Resource: "*" }, { action: "s3:GetObject", resource: datasets }, "ImplicitlyDenied"],
      ["applies NotResource to every other resource", { Effect: "Allow", Action: "s3:*", NotResource: `${datasets}/private/*` }, { action: "s3:GetObject", resource: `${datasets}/a` }, "Allowed"],
      ["applies NotResource to none of its resources", { Effect: "Allow", Action: "s3:*", NotResource: `${datasets}/private/*` }, { action: "s3:GetObject", resource: `${datasets}/private/a` }, "ImplicitlyDenied"],
      ["skips a statement without a resource element", { Effect: "Allow", Action: "s3:*" }, { action: "s3:GetObject", resource: datasets }, "ImplicitlyDenied"],
      ["skips a statement without an action element", { Effect: "Allow", Resource: "*" }, { action: "s3:GetObject", resource: datasets }, "ImplicitlyDenied"],
    ])("%s", (_case, statement, request, expected) => {
      expect(decide(request, [document(statement)])).toBe(expected);
    });
  });

  describe("policy variables in resources", () => {
    const home = document({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::home/${aws:username}/*" });
    const notHome = document({ Effect: "Deny", Action: "s3:GetObject", NotResource: "arn:aws:s3:::home/${aws:username}/*" });

    it.each<[string, PolicyDocumentJson[], Record<string, string | string[]>, SimulationDecision]>([
      ["substitutes the request's value", [home], { "aws:username": "alice" }, "Allowed"],
      ["does not match another user's value", [home], { "aws:username": "bob" }, "ImplicitlyDenied"],
      ["does not match when the key is missing", [home], {}, "ImplicitlyDenied"],
      ["does not apply a NotResource deny inside the user's home", [everythingDocument(), notHome], { "aws:username": "alice" }, "Allowed"],
      ["applies a NotResource deny outside the user's home", [everythingDocument(), notHome], { "aws:username": "bob" }, "ExplicitlyDenied"],
      ["does not apply a NotResource statement whose variable has no value", [everythingDocument(), notHome], {}, "Allowed"],
    ])("%s", (_case, identity, context, expected) => {
      expect(decide({ action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/notes.txt", context }, identity)).toBe(expected);
    });
  });

  it.each<[string, string | undefined, SimulationDecision, SimulationDecision]>([
    ["substitutes policy variables in a Version 2012-10-17 document", "2012-10-17", "Allowed", "ImplicitlyDenied"],
    ["reads ${…} as literal text in a Version 2008-10-17 document", "2008-10-17", "ImplicitlyDenied", "Allowed"],
    ["reads ${…} as literal text in a document without a Version", undefined, "ImplicitlyDenied", "Allowed"],
  ])("%s", (_case, version, forAlice, forLiteral) => {
    const statement: StatementJson = {
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::home/${aws:username}/*",
      Condition: { StringEquals: { "s3:ExistingObjectTag/owner": "${aws:username}" } },
    };
    const policy: PolicyDocumentJson = version === undefined ? { Statement: [statement] } : { Version: version, Statement: [statement] };
    const context = { "aws:username": "alice", "s3:ExistingObjectTag/owner": "alice" };
    expect(decide({ action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/a", context }, [policy])).toBe(forAlice);
    const literal = { "aws:username": "alice", "s3:ExistingObjectTag/owner": "${aws:username}" };
    expect(decide({ action: "s3:GetObject", resource: "arn:aws:s3:::home/${aws:username}/a", context: literal }, [policy])).toBe(forLiteral);
  });

  describe("conditions in statements", () => {
    const tagged = document({
      Effect: "Allow",
      Action: "sagemaker:CreateTrainingJob",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:RequestTag/team": "data-scientists" },
        "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "cost-center"] },
        Bool: { "aws:MultiFactorAuthPresent": true },
      },
    });
    const request = (context: Record<string, string | string[]>): SimulationRequest => ({ action: "sagemaker:CreateTrainingJob", resource: trainingJob, context });

    it.each<[string, Record<string, string | string[]>, SimulationDecision]>([
      ["allows when every operator and key holds", { "aws:RequestTag/team": "data-scientists", "aws:TagKeys": ["team"], "aws:MultiFactorAuthPresent": "true" }, "Allowed"],
      ["denies when one key of the block fails", { "aws:RequestTag/team": "model-builders", "aws:TagKeys": ["team"], "aws:MultiFactorAuthPresent": "true" }, "ImplicitlyDenied"],
      ["denies when another operator fails", { "aws:RequestTag/team": "data-scientists", "aws:TagKeys": ["team", "owner"], "aws:MultiFactorAuthPresent": "true" }, "ImplicitlyDenied"],
      ["denies when a required key is missing", { "aws:RequestTag/team": "data-scientists", "aws:TagKeys": ["team"] }, "ImplicitlyDenied"],
    ])("%s", (_case, context, expected) => {
      expect(decide(request(context), [tagged])).toBe(expected);
    });

    it("applies a conditional deny only when its condition holds", () => {
      const denyWithoutMfa = document({ Effect: "Deny", Action: "*", Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } });
      expect(decide(request({}), [everything, denyWithoutMfa])).toBe("ExplicitlyDenied");
      expect(decide(request({ "aws:MultiFactorAuthPresent": "false" }), [everything, denyWithoutMfa])).toBe("ExplicitlyDenied");
      expect(decide(request({ "aws:MultiFactorAuthPresent": "true" }), [everything, denyWithoutMfa])).toBe("Allowed");
    });

    it("evaluates iam:PassRole with iam:PassedToService", () => {
      const passRole = document({
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::111111111111:role/ml/data-scientists/*",
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      });
      const pass = (service?: string) =>
        decide(
          { action: "iam:PassRole", resource: "arn:aws:iam::111111111111:role/ml/data-scientists/execution", context: service ? { "iam:PassedToService": service } : {} },
          [passRole],
        );
      expect(pass("sagemaker.amazonaws.com")).toBe("Allowed");
      expect(pass("ec2.amazonaws.com")).toBe("ImplicitlyDenied");
      expect(pass()).toBe("ImplicitlyDenied");
    });
  });

  describe("matched statements", () => {
    it("lists every statement that applies, with its policy, document, index and Sid", () => {
      const boundary = document({ Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" }, { Sid: "NoIam", Effect: "Deny", Action: "iam:*", Resource: "*" });
      const result = simulate({ action: "s3:GetObject", resource: `${datasets}/a` }, { identity: [everything, readDatasets], boundary });
      expect(result).toEqual({
        decision: "Allowed",
        matched: [
          { policy: "identity", document: 0, statement: 0, effect: "Allow" },
          { policy: "identity", document: 1, statement: 0, sid: "ReadDatasets", effect: "Allow" },
          { policy: "boundary", document: 0, statement: 0, sid: "Everything", effect: "Allow" },
        ],
      });
    });

    it("keeps statement indexes when a single statement object stands for the list", () => {
      const single: PolicyDocumentJson = { Statement: { Effect: "Deny", Action: "s3:*", Resource: "*" } };
      expect(simulate({ action: "s3:GetObject", resource: datasets }, { identity: [single] }).matched).toEqual([
        { policy: "identity", document: 0, statement: 0, effect: "Deny" },
      ]);
    });
  });

  it("answers the same for a document evaluated again from its compiled form", () => {
    const request = { action: "s3:GetObject", resource: `${datasets}/a` };
    expect(decide(request, [readDatasets])).toBe("Allowed");
    expect(decide(request, [readDatasets])).toBe("Allowed");
    expect(decide({ ...request, action: "s3:PutObject" }, [readDatasets])).toBe("ImplicitlyDenied");
  });
});

function everythingDocument(): PolicyDocumentJson {
  return document({ Effect: "Allow", Action: "*", Resource: "*" });
}
