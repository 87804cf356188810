import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatCommandLine, pulumiCommandLine, qualifiedStackName, type PulumiExecutorOptions } from "./command-line";

const workspaceRoot = mkdtempSync(join(tmpdir(), "pulumi-command-line-"));
mkdirSync(join(workspaceRoot, "stacks/data-scientists"), { recursive: true });
mkdirSync(join(workspaceRoot, "policies/iam-guardrails"), { recursive: true });
for (const env of ["dev", "prod"]) writeFileSync(join(workspaceRoot, `stacks/data-scientists/Pulumi.${env}.yaml`), "config: {}\n");
const project = { name: "data-scientists", root: "stacks/data-scientists", workspaceRoot };
const argsOf = (options: PulumiExecutorOptions) => pulumiCommandLine(options, project).args;
const problemOf = (options: PulumiExecutorOptions) => () => pulumiCommandLine(options, project);

describe("the pulumi command line", () => {
  it.each<[string, PulumiExecutorOptions, string]>([
    ["previews with the diff", { command: "preview" }, "preview --stack dev --cwd stacks/data-scientists --non-interactive --diff"],
    [
      "answers up's confirmation with --yes and still previews first",
      { command: "up", env: "prod" },
      "up --stack prod --cwd stacks/data-scientists --non-interactive --yes --diff",
    ],
    ["refreshes with --yes", { command: "refresh", env: "prod" }, "refresh --stack prod --cwd stacks/data-scientists --non-interactive --yes --diff"],
    [
      "destroys only with the confirmation, without a diff",
      { command: "destroy", env: "prod", confirm: "data-scientists/prod" },
      "destroy --stack prod --cwd stacks/data-scientists --non-interactive --yes",
    ],
    [
      "checks drift with --expect-no-changes",
      { command: "preview", env: "prod", expectNoChanges: true },
      "preview --stack prod --cwd stacks/data-scientists --non-interactive --diff --expect-no-changes",
    ],
    [
      "qualifies the stack with the organization",
      { command: "refresh", organization: "acme", expectNoChanges: true },
      "refresh --stack acme/dev --cwd stacks/data-scientists --non-interactive --yes --diff --expect-no-changes",
    ],
    [
      "passes extra arguments last, as they are",
      { command: "preview", extraArgs: ["--refresh", "--target", "urn:pulumi:dev::x"] },
      "preview --stack dev --cwd stacks/data-scientists --non-interactive --diff --refresh --target urn:pulumi:dev::x",
    ],
  ])("%s", (_, options, expected) => {
    expect(argsOf(options)).toEqual(expected.split(" "));
  });

  it("starts in the workspace root, so the printed line can be pasted there", () => {
    expect(pulumiCommandLine({ command: "preview" }, project)).toMatchObject({ file: "pulumi", cwd: workspaceRoot });
  });

  it("makes the policy pack path absolute, since pulumi resolves it after changing into --cwd", () => {
    expect(argsOf({ command: "up", policyPack: "policies/iam-guardrails" }).slice(-2)).toEqual([
      "--policy-pack",
      join(workspaceRoot, "policies/iam-guardrails"),
    ]);
  });

  it.each<[string, PulumiExecutorOptions, string]>([
    ["an env that is not a stack name", { command: "preview", env: "prod;rm" }, 'env "prod;rm" is not a Pulumi stack name'],
    ["an env without a config file", { command: "up", env: "staging" }, "stacks/data-scientists/Pulumi.staging.yaml does not exist: data-scientists has no env staging"],
    ["an organization that is not a name", { command: "preview", organization: "a/b" }, 'organization "a/b" is not a Pulumi organization name'],
    ["a policy pack on refresh", { command: "refresh", policyPack: "policies/iam-guardrails" }, "policyPack applies to preview and up, not refresh"],
    ["a policy pack that does not exist", { command: "preview", policyPack: "policies/missing" }, "policy pack policies/missing does not exist"],
    ["a drift check of up", { command: "up", expectNoChanges: true }, "expectNoChanges is a drift check of preview and refresh, not up"],
  ])("refuses %s, naming the project and env", (_, options, problem) => {
    expect(problemOf(options)).toThrow(`data-scientists:${options.command} --env=${options.env ?? "dev"}: ${problem}`);
  });

  it("lists every problem at once", () => {
    expect(problemOf({ command: "refresh", env: "qa", policyPack: "p", organization: "a b" })).toThrow(
      /Pulumi.qa.yaml does not exist.*; organization "a b".*; policyPack applies to preview and up/,
    );
  });

  it("refuses to destroy without the qualified stack name typed as the confirmation", () => {
    expect(problemOf({ command: "destroy", env: "prod" })).toThrow(
      "data-scientists:destroy --env=prod: destroy deletes the IAM principals and policies of data-scientists/prod, " +
        "and jobs running under them lose access: confirm with --confirm=data-scientists/prod",
    );
    // The bare env would confirm every team's prod in a run-many; the project must be named.
    expect(problemOf({ command: "destroy", env: "prod", confirm: "prod" })).toThrow("(got --confirm=prod)");
    expect(problemOf({ command: "destroy", env: "prod", organization: "acme", confirm: "data-scientists/prod" })).toThrow(
      "confirm with --confirm=acme/data-scientists/prod",
    );
  });

  it("qualifies the confirmation with the project, and the organization when there is one", () => {
    expect(qualifiedStackName({}, "central-ai")).toBe("central-ai/dev");
    expect(qualifiedStackName({ env: "prod", organization: "acme" }, "central-ai")).toBe("acme/central-ai/prod");
  });

  it("quotes only the arguments a shell would split", () => {
    const line = pulumiCommandLine({ command: "preview", extraArgs: ["--message", "it's fine"] }, project);
    expect(formatCommandLine(line)).toBe(
      "pulumi preview --stack dev --cwd stacks/data-scientists --non-interactive --diff --message 'it'\\''s fine'",
    );
  });
});

describe("extra arguments", () => {
  const destroyDev = (extraArgs: string[]): PulumiExecutorOptions => ({ command: "destroy", env: "dev", confirm: "data-scientists/dev", extraArgs });

  // Pulumi keeps the last --stack and --cwd it is given: any of these after a confirmed dev would act elsewhere.
  it.each([
    ["--stack=prod"],
    ["--stack", "prod"],
    ["-s", "prod"],
    ["-sprod"],
    ["--cwd=../model-builders"],
    ["-C", "stacks/model-builders"],
    ["--yes"],
    ["-y"],
    ["--non-interactive"],
    ["--policy-pack=/tmp/empty"],
    ["--config-file=Pulumi.prod.yaml"],
    ["--skip-preview"],
    ["https://github.com/acme/other-program"],
  ])("refuses %s, naming it, so the confirmed stack is the only stack", (...extraArgs) => {
    expect(problemOf(destroyDev(extraArgs))).toThrow(new RegExp(`extraArgs "${extraArgs[0]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`));
  });

  it("takes the argument after an option with a value as its value, whatever it looks like", () => {
    expect(argsOf({ command: "preview", extraArgs: ["--message", "--stack=prod is mentioned here"] }).slice(-2)).toEqual(["--message", "--stack=prod is mentioned here"]);
    expect(problemOf({ command: "preview", extraArgs: ["--target"] })).toThrow(/extraArgs "--target" needs a value/);
  });

  it("passes the options that change neither the stack, the directory nor the confirmation", () => {
    const extraArgs = ["--target=urn:pulumi:dev::x", "--target-dependents", "--refresh", "--parallel", "4", "--json", "-v=9", "--exclude-protected"];
    expect(argsOf(destroyDev(extraArgs))).toEqual(["destroy", "--stack", "dev", "--cwd", "stacks/data-scientists", "--non-interactive", "--yes", ...extraArgs]);
  });
});
