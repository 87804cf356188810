import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStackConfigFile } from "./stack-config-file";

const ciphertext = "v1:AAAAnestedciphertextBBBB";

describe("reading a stack config file", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "stack-config-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  function read(yaml: string) {
    const file = join(directory, "Pulumi.dev.yaml");
    writeFileSync(file, yaml);
    return readStackConfigFile(file);
  }

  it("shows secure values nested in objects and arrays as [secret] and never copies their ciphertext", () => {
    const config = read(`config:
  aws:assumeRole:
    roleArn: arn:aws:iam::111111111111:role/deploy
    externalId:
      secure: ${ciphertext}
  team:tokens:
    - plain
    - secure: ${ciphertext}
`);
    expect(config.values["aws:assumeRole"]).toEqual({
      roleArn: "arn:aws:iam::111111111111:role/deploy",
      externalId: "[secret]",
    });
    expect(config.values["team:tokens"]).toEqual(["plain", "[secret]"]);
    expect(JSON.stringify(config)).not.toContain(ciphertext);
  });

  it("marks a key secret when any value inside it is secure, as Pulumi does", () => {
    const config = read(`config:
  aws:assumeRole:
    externalId:
      secure: ${ciphertext}
  aws:region: us-east-1
  team:token:
    secure: ${ciphertext}
`);
    expect(config.secretKeys.sort()).toEqual(["aws:assumeRole", "team:token"]);
    expect(config.runtime["team:token"]).toBe("[secret]");
  });

  it("hands scalars to the program as the strings they were written as, as the Pulumi CLI does", () => {
    const config = read(`config:
  team:accountSuffix: 012345
  team:artifactBucket: 3.5e10
  team:hex: 0x1F
  team:sharedAccount: true
  team:quoted: "012345"
  team:empty:
  team:buckets: [team-a, team-b]
`);
    expect(config.runtime).toEqual({
      "team:accountSuffix": "012345",
      "team:artifactBucket": "3.5e10",
      "team:hex": "0x1F",
      "team:sharedAccount": "true",
      "team:quoted": "012345",
      "team:empty": "",
      "team:buckets": '["team-a","team-b"]',
    });
    expect(config.values["team:accountSuffix"]).toBe("012345");
  });
});
