import { spawn } from "node:child_process";
import fs, { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PlanFile } from "./plan-file";
import { emptyPlan } from "./testing";
import { PlanStore } from "./plan-store";

const testPlan = (config: Record<string, unknown> = {}): PlanFile => emptyPlan({ config });

/** Runs `writes` writes of `plan` into `root` in a process of its own; resolves to its exit code and stderr. */
function writerProcess(root: string, planFile: string, writes: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { readFileSync } = require("node:fs");
    const { PlanStore } = require(${JSON.stringify(join(__dirname, "plan-store.ts"))});
    const plan = JSON.parse(readFileSync(${JSON.stringify(planFile)}, "utf8"));
    const store = new PlanStore(${JSON.stringify(root)});
    for (let i = 0; i < ${writes}; i++) store.write(plan);
  `;
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "-e", script], { cwd: join(__dirname, "../../..") });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("the plan store", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "plan-store-"));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it("leaves no temporary file and no half plan when the .md cannot be written", () => {
    const store = new PlanStore(root);
    // A directory where the .md goes: the rename onto it fails after both temporary files are written.
    mkdirSync(join(store.markdownPath("team", "dev"), "occupied"), { recursive: true });
    expect(() => store.write(testPlan())).toThrow(/dev\.md/);
    expect(readdirSync(join(root, "team"))).toEqual(["dev.md"]);
  });

  it("keeps the first error, with the failed cleanup added, when removing a temporary file fails too", () => {
    const store = new PlanStore(root);
    mkdirSync(join(store.markdownPath("team", "dev"), "occupied"), { recursive: true });
    jest.spyOn(fs, "rmSync").mockImplementation(() => {
      throw new Error("EROFS: read-only file system");
    });
    let thrown: unknown;
    try {
      store.write(testPlan());
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toMatch(/^cannot write .*dev\.md: .*\(EISDIR\) \(and the cleanup failed: cannot remove .*\.tmp: EROFS/);
    expect(((thrown as Error).cause as NodeJS.ErrnoException).code).toBe("EISDIR");
  });

  it("never shows a torn plan, and never fails a writer, while two processes write the same plan", async () => {
    const padding = "x".repeat(200_000);
    const planFiles = ["a", "b"].map((name) => {
      const file = join(root, `${name}.input.json`);
      writeFileSync(file, JSON.stringify(testPlan({ "team:writer": name, "team:padding": padding })));
      return file;
    });
    const store = new PlanStore(join(root, "plan"));
    const writers = Promise.all(planFiles.map((file) => writerProcess(store.root, file, 40)));
    let done = false;
    void writers.then(() => (done = true));
    const seen = new Set<unknown>();
    while (!done) {
      // Throws on a torn file: parsePlanFile names the file and what is wrong with it.
      const plan = store.read("team", "dev");
      if (plan) seen.add(plan.config["team:writer"]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const results = await writers;
    expect(results).toEqual([
      { code: 0, stderr: "" },
      { code: 0, stderr: "" },
    ]);
    expect(readdirSync(join(store.root, "team")).sort()).toEqual(["dev.json", "dev.md"]);
    expect([...seen].every((writer) => writer === "a" || writer === "b")).toBe(true);
  });
});
