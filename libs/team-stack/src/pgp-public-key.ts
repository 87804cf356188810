import { z } from "zod";

/**
 * A PGP public key a login profile's password is encrypted to, as the AWS provider takes it: `keybase:<user>`,
 * or the base64 of the binary public key (no ASCII armour).
 * https://www.pulumi.com/registry/packages/aws/api-docs/iam/userloginprofile/
 */
export const pgpPublicKey = z
  .string()
  .regex(
    /^(keybase:[A-Za-z0-9_]{2,16}|[A-Za-z0-9+/]{40,}={0,2})$/,
    "is not a PGP public key: keybase:<user>, or the base64 of the binary key without its -----BEGIN PGP armour",
  );
