import { pgpPublicKey } from "./pgp-public-key";

describe("pgpPublicKey", () => {
  it.each(["keybase:alice_central", "mQENBFzQ1ZIBCADKpM0s0m8tVw3y2d6u+0/9Xq4bJ7hkQ0a1c5oE2w3r4t5y6u7i8o9pA=="])("accepts %s", (key) => {
    expect(pgpPublicKey.safeParse(key).success).toBe(true);
  });

  it.each(["-----BEGIN PGP PUBLIC KEY BLOCK-----", "keybase:", "alice", ""])("refuses %j, which the provider could not encrypt to", (key) => {
    expect(pgpPublicKey.safeParse(key).error?.issues[0]?.message).toMatch(/is not a PGP public key/);
  });
});
