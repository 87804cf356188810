/** A customer managed policy named by path and name, as IAM Identity Center permission sets refer to one. */
export interface ManagedPolicyReference {
  path: string;
  name: string;
}

/**
 * The path and name of a customer managed policy ARN (`arn:aws:iam::111122223333:policy/ml/x/name`);
 * throws on anything else, naming the value.
 */
export function managedPolicyReference(arn: string): ManagedPolicyReference {
  const [, path, name] = /^arn:[\w-]+:iam::\d{12}:policy(\/(?:[^/]+\/)*)([^/]+)$/.exec(arn) ?? [];
  if (!path || !name) throw new Error(`not a customer managed policy ARN: ${arn}`);
  return { path, name };
}
