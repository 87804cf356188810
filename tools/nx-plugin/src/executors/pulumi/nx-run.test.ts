import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fakePulumi, fixtureConsumer, runNx, workspaceCopy } from "../../testing";

// Through the real `nx run`: Nx resolves @ml-iam/tools:pulumi from nx.json, loads the TypeScript
// executor and hands it the target's options, --env included.
const copy = workspaceCopy();
const inCopy = `(in ${copy.root})`;
// nx.json gives preview and up the workspace's policy pack; the executor makes its path absolute.
const policyPack = `--policy-pack ${join(copy.root, "tools/policy-pack")}`;
const pathWith = (bin: string) => [bin, ...(process.env.PATH ?? "").split(delimiter)].join(delimiter);

describe("nx run of a Pulumi target", () => {
  afterAll(() => copy.remove());

  it("runs up of the upstream stack, then of its consumer, both on the env given", () => {
    const pulumi = fakePulumi();
    const result = runNx(copy.root, ["run", `${fixtureConsumer}:up`, "--env=prod"], { PATH: pathWith(pulumi.bin) });
    expect(result.status).toBe(0);
    expect(pulumi.calls()).toEqual([
      `up --stack prod --cwd stacks/central-ai --non-interactive --yes --diff ${policyPack} ${inCopy}`,
      `up --stack prod --cwd stacks/${fixtureConsumer} --non-interactive --yes --diff ${policyPack} ${inCopy}`,
    ]);
  });

  it("stops before the consumer when the upstream stack's up fails", () => {
    const pulumi = fakePulumi();
    const result = runNx(copy.root, ["run", `${fixtureConsumer}:up`, "--env=prod"], { PATH: pathWith(pulumi.bin), FAKE_PULUMI_EXIT: "2" });
    // Nx 23.2 exits 130, not 1, when a task is left unrun because its dependency failed.
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("Tasks not run because their dependencies failed");
    expect(pulumi.calls()).toEqual([`up --stack prod --cwd stacks/central-ai --non-interactive --yes --diff ${policyPack} ${inCopy}`]);
  });

  it("passes the executor's own options from the command line", () => {
    const pulumi = fakePulumi();
    const args = ["run", "central-ai:refresh", "--env=prod", "--organization=acme", "--expectNoChanges", "--extraArgs=--refresh,--json"];
    expect(runNx(copy.root, args, { PATH: pathWith(pulumi.bin) }).status).toBe(0);
    expect(pulumi.calls()).toEqual([
      `refresh --stack acme/prod --cwd stacks/central-ai --non-interactive --yes --diff --expect-no-changes --refresh --json ${inCopy}`,
    ]);
  });

  it("fails with the one line that says how to install the CLI when pulumi is not on PATH", () => {
    const withoutPulumi = (process.env.PATH ?? "")
      .split(delimiter)
      .filter((dir) => !existsSync(join(dir, "pulumi")))
      .join(delimiter);
    const result = runNx(copy.root, ["run", "central-ai:preview", "--env=prod"], { PATH: withoutPulumi });
    expect(result.status).toBe(1);
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toContain(`> pulumi preview --stack prod --cwd stacks/central-ai --non-interactive --diff ${policyPack}\n`);
    expect(output.split("\n").filter((line) => line.includes("Pulumi CLI"))).toEqual([
      "the Pulumi CLI is not installed: https://www.pulumi.com/docs/iac/download-install/ — `npm run plan` needs no CLI",
    ]);
  });
});
