import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plannedEnvs, readPlanSet } from "./plan-set";
import { UsageError } from "./usage-error";

describe("reading the plans of an env", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "plan-set-"));
    mkdirSync(join(directory, "team"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it.each<[string, (file: string) => void, RegExp]>([
    ["a directory", (file) => mkdirSync(file), /^cannot read .*team\/dev\.json: EISDIR$/],
    ["a dangling link", (file) => symlinkSync(join(directory, "nowhere.json"), file), /^cannot read .*team\/dev\.json: ENOENT$/],
    ["not JSON", (file) => writeFileSync(file, "{"), /team\/dev\.json: not JSON/],
  ])("refuses a <env>.json that is %s, naming it, rather than leaving the stack out", (_, make, message) => {
    make(join(directory, "team/dev.json"));
    expect(() => readPlanSet(directory, "dev")).toThrow(UsageError);
    expect(() => readPlanSet(directory, "dev")).toThrow(message);
  });

  it("passes over a stray file in the plan directory and a stack with no plan for the env", () => {
    writeFileSync(join(directory, "README.md"), "stray\n");
    writeFileSync(join(directory, "team/prod.json"), "{");
    expect(readPlanSet(directory, "dev")).toEqual([]);
  });

  it("lists the envs that have plans, passing over stray files, so npm run plan's quotas step survives them", () => {
    writeFileSync(join(directory, "stray.txt"), "stray\n");
    writeFileSync(join(directory, "team/prod.json"), "{}");
    writeFileSync(join(directory, "team/notes.md"), "");
    expect(plannedEnvs(directory)).toEqual(["prod"]);
  });
});
