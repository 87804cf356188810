import { managedPolicyReference } from "./managed-policy-reference";

describe("managed policy references", () => {
  it.each([
    ["arn:aws:iam::111122223333:policy/ml/central-ai/central-ai-team-boundary", { path: "/ml/central-ai/", name: "central-ai-team-boundary" }],
    ["arn:aws-us-gov:iam::111122223333:policy/boundary", { path: "/", name: "boundary" }],
  ])("reads %s", (arn, expected) => {
    expect(managedPolicyReference(arn)).toEqual(expected);
  });

  it.each(["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::111122223333:role/x", "policy/x"])("refuses %s", (arn) => {
    expect(() => managedPolicyReference(arn)).toThrow(`not a customer managed policy ARN: ${arn}`);
  });
});
