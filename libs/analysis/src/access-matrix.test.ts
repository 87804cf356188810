import { accessMatrix } from "./access-matrix";
import { testAccount, testDocument, testPlan, testPolicy, testPolicyArn, testResource, testRole } from "./testing";

const boundary = testPolicy("central", "boundary", testDocument({ Effect: "Allow", Action: ["s3:*", "sts:AssumeRole"], Resource: "*" }));
const central = testPlan("central", [boundary]);
const team = testPlan("team", [
  testPolicy("team", "data", testDocument({ Effect: "Allow", Action: ["s3:GetObject", "sagemaker:CreateTrainingJob"], Resource: ["arn:aws:s3:::d/*", "*"] })),
  ...testRole("team", "worker", { boundaryArn: testPolicyArn("central", "boundary"), policyArns: [testPolicyArn("team", "data")] }),
  testResource("aws:iam/group:Group", "users", { name: "users" }, { arn: `arn:aws:iam::${testAccount}:group/ml/team/users` }),
  testResource("aws:iam/groupPolicy:GroupPolicy", "assume", {
    group: "users",
    name: "assume",
    policy: JSON.stringify(testDocument({ Effect: "Allow", Action: ["sts:AssumeRole", "iam:PassRole"], Resource: "*" })),
  }),
  testResource("aws:iam/user:User", "ann", { name: "ann", permissionsBoundary: testPolicyArn("central", "boundary") }, { arn: `arn:aws:iam::${testAccount}:user/ann` }),
  testResource("aws:iam/groupMembership:GroupMembership", "members", { group: "users", users: ["ann"] }),
]);

describe("the access matrix of a plan set", () => {
  const matrix = accessMatrix([central, team]);
  const row = (name: string) => matrix.find((candidate) => candidate.name === name)!;
  const pairs = (name: string) => row(name).entries.map((entry) => `${entry.action} ${entry.resource}`);

  it("has one row per principal, sorted by ARN", () => {
    expect(matrix.map((r) => `${r.kind} ${r.principal}`)).toEqual([
      `group arn:aws:iam::${testAccount}:group/ml/team/users`,
      `role arn:aws:iam::${testAccount}:role/ml/team/worker`,
      `user arn:aws:iam::${testAccount}:user/ann`,
    ]);
  });

  it("applies the boundary another stack's plan holds", () => {
    expect(pairs("worker")).toEqual(["s3:GetObject *", "s3:GetObject arn:aws:s3:::d/*"]);
  });

  it("gives a user its groups' policies, within the user's own boundary", () => {
    expect(pairs("users")).toEqual(["iam:PassRole *", "sts:AssumeRole *"]);
    expect(pairs("ann")).toEqual(["sts:AssumeRole *"]);
  });

  it("keeps only the principals of the stacks asked for, with what the other plans give them", () => {
    expect(accessMatrix([central, team], { stacks: ["team"] })).toEqual(matrix);
    expect(accessMatrix([central, team], { stacks: ["central"] })).toEqual([]);
  });
});
