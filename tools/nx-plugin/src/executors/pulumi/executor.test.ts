import type { ExecutorContext } from "@nx/devkit";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pulumiExecutor, { missingCliMessage } from "./executor";

/** A workspace with one stack, and a directory holding a fake `pulumi` that records how it was called. */
function fixture() {
  const root = mkdtempSync(join(tmpdir(), "pulumi-executor-"));
  mkdirSync(join(root, "stacks/model-builders"), { recursive: true });
  writeFileSync(join(root, "stacks/model-builders/Pulumi.prod.yaml"), "config: {}\n");
  const bin = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
  // Only shell builtins: the tests run it with a PATH that holds nothing else.
  writeFileSync(
    join(bin, "pulumi"),
    `#!/bin/sh\npwd > "${bin}/cwd"\nfor arg in "$@"; do printf '%s\\n' "$arg"; done > "${bin}/argv"\nexit "\${FAKE_PULUMI_EXIT:-0}"\n`,
  );
  chmodSync(join(bin, "pulumi"), 0o755);
  const context: ExecutorContext = {
    root,
    cwd: root,
    isVerbose: false,
    projectName: "model-builders",
    targetName: "up",
    projectsConfigurations: { version: 2, projects: { "model-builders": { root: "stacks/model-builders" } } },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  };
  return { root, bin, context, recorded: (file: "argv" | "cwd") => readFileSync(join(bin, file), "utf8").trimEnd().split("\n") };
}

describe("the pulumi executor", () => {
  const saved = { path: process.env.PATH, exit: process.env.FAKE_PULUMI_EXIT };
  let errors: string[];
  let logs: string[];
  beforeEach(() => {
    errors = [];
    logs = [];
    jest.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    jest.spyOn(console, "log").mockImplementation((line: string) => void logs.push(line));
  });
  afterEach(() => {
    process.env.PATH = saved.path;
    if (saved.exit === undefined) delete process.env.FAKE_PULUMI_EXIT;
    else process.env.FAKE_PULUMI_EXIT = saved.exit;
    jest.restoreAllMocks();
  });

  it("runs pulumi from the workspace root with the target's arguments, and prints them first", async () => {
    const { root, bin, context, recorded } = fixture();
    process.env.PATH = bin;
    const result = await pulumiExecutor({ command: "up", env: "prod", extraArgs: ["--parallel", "4"] }, context);
    expect(result).toEqual({ success: true });
    expect(recorded("argv")).toEqual(
      ["up", "--stack", "prod", "--cwd", "stacks/model-builders", "--non-interactive", "--yes", "--diff", "--parallel", "4"],
    );
    expect(recorded("cwd")).toEqual([root]);
    expect(logs).toEqual(["> pulumi up --stack prod --cwd stacks/model-builders --non-interactive --yes --diff --parallel 4"]);
  });

  it("fails when pulumi exits non-zero", async () => {
    const { bin, context } = fixture();
    process.env.PATH = bin;
    process.env.FAKE_PULUMI_EXIT = "3";
    expect(await pulumiExecutor({ command: "preview", env: "prod", expectNoChanges: true }, context)).toEqual({ success: false });
    expect(errors).toEqual([]);
  });

  it("says in one line how to install the CLI when pulumi is not on PATH", async () => {
    const { context } = fixture();
    process.env.PATH = mkdtempSync(join(tmpdir(), "no-pulumi-"));
    expect(await pulumiExecutor({ command: "preview", env: "prod" }, context)).toEqual({ success: false });
    expect(errors).toEqual([missingCliMessage]);
    expect(missingCliMessage).toBe(
      "the Pulumi CLI is not installed: https://www.pulumi.com/docs/iac/download-install/ — `npm run plan` needs no CLI",
    );
  });

  it("starts nothing when the options are wrong, and says why", async () => {
    const { bin, context } = fixture();
    process.env.PATH = bin;
    expect(await pulumiExecutor({ command: "destroy", env: "prod" }, context)).toEqual({ success: false });
    expect(errors).toEqual([expect.stringContaining("model-builders:destroy --env=prod: destroy deletes the IAM principals")]);
    expect(() => readFileSync(join(bin, "argv"))).toThrow(/ENOENT/);
  });
});
