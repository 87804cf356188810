import { asList, type PrincipalJson } from "@ml-iam/iam";

/**
 * Who makes a request, as a resource-based policy (a role's trust policy, a bucket policy) sees it: an IAM
 * principal by ARN and account, or a service principal.
 */
export interface RequestCaller {
  /** The principal's ARN: a role's ARN for its sessions, a user's ARN. */
  arn?: string;
  /** The principal's account. */
  account?: string;
  /** A service principal, e.g. `sagemaker.amazonaws.com`. */
  service?: string;
  /** A federated principal, e.g. `arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com`. */
  federated?: string;
}

/**
 * How a statement's principal names the caller: `direct` (its ARN, a service, `*`), `account` (its account,
 * which delegates to the account's own identity policies), or not at all.
 */
export type PrincipalMatch = "direct" | "account" | "none";

/** A compiled Principal or NotPrincipal element. */
export type PrincipalPattern = (caller: RequestCaller) => PrincipalMatch;

const accountRoot = /^arn:[\w-]+:iam::(\d{12}):root$/;

function matchesAws(value: string, caller: RequestCaller): PrincipalMatch {
  if (value === "*") return "direct";
  const root = accountRoot.exec(value)?.[1] ?? (/^\d{12}$/.test(value) ? value : undefined);
  if (root !== undefined) return caller.account === root ? "account" : "none";
  return caller.arn === value ? "direct" : "none";
}

/**
 * Compiles a statement's Principal (or, inverted, NotPrincipal) element. A statement without either applies
 * to no caller of a resource-based policy; `"*"` applies to every caller.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function compilePrincipalPattern(principal: PrincipalJson | undefined, notPrincipal: PrincipalJson | undefined): PrincipalPattern {
  const element = principal ?? notPrincipal;
  if (element === undefined) return () => "none";
  const match: PrincipalPattern = (caller) => {
    if (element === "*") return "direct";
    let best: PrincipalMatch = "none";
    for (const [type, values] of Object.entries(element)) {
      for (const value of asList(values)) {
        const found =
          type === "AWS" ? matchesAws(value, caller)
          : type === "Service" ? (caller.service !== undefined && caller.service === value ? "direct" : "none")
          : type === "Federated" ? (caller.federated !== undefined && caller.federated === value ? "direct" : "none")
          : "none";
        if (found === "direct") return "direct";
        if (found === "account") best = "account";
      }
    }
    return best;
  };
  if (principal !== undefined) return match;
  return (caller) => (match(caller) === "none" ? "direct" : "none");
}
