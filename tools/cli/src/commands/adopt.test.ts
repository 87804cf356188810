import { pulumiImportFile, type AdoptionReport } from "@ml-iam/adoption";
import { FileWriteError, PlanStore, type PlanFile } from "@ml-iam/plan";
import { planWorkspaceStacks } from "@ml-iam/plan/src/testing";
import fs, { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../usage-error";
import { runAdopt } from "./adopt";

const fixtures = join(__dirname, "../../../../libs/adoption/src/fixtures");
const roots: string[] = [];
let plans: PlanFile[];

beforeAll(async () => {
  // Planning reports the stacks' policy warnings; they are the plan's business, not these tests'.
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  plans = await planWorkspaceStacks(["central-ai", "distributed-ml"], "dev");
  warn.mockRestore();
});
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A throwaway workspace with central-ai and distributed-ml, and their dev plans in dist/plan unless left out. */
function workspace(options: { withPlans?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-adopt-"));
  roots.push(root);
  writeFileSync(join(root, "nx.json"), "{}\n");
  for (const plan of plans) {
    const directory = join(root, "stacks", plan.stack);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "Pulumi.yaml"), `name: ${plan.stack}\nruntime: nodejs\n`);
    writeFileSync(join(directory, "project.json"), JSON.stringify({ name: plan.stack }));
    writeFileSync(join(directory, "Pulumi.dev.yaml"), "config: {}\n");
    if (options.withPlans !== false) new PlanStore(join(root, "dist/plan")).write(plan);
  }
  return root;
}

async function adopt(root: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await runAdopt(args, (line) => lines.push(line), root);
  return { code, output: lines.join("\n") };
}

/** The command fails with a UsageError of one line matching `message`, and writes no adoption files. */
async function expectRefused(root: string, args: string[], message: string | RegExp): Promise<void> {
  const attempt = adopt(root, ...args);
  await expect(attempt).rejects.toThrow(UsageError);
  await expect(attempt).rejects.toThrow(message);
  await attempt.catch((error: Error) => expect(error.message).not.toContain("\n"));
  expect(existsSync(join(root, "dist/adopt"))).toBe(false);
}

const read = (root: string, file: string) => JSON.parse(readFileSync(join(root, "dist/adopt/distributed-ml/dev", file), "utf8")) as unknown;

describe("ml-iam adopt", () => {
  it("adopts seed 004 with its mapping: import document, aliases, report, and exit 1 for the replacements", async () => {
    const root = workspace();
    const { code, output } = await adopt(
      root,
      ...["--from", join(fixtures, "seed-004-export.json"), "--stack", "distributed-ml", "--mapping", join(fixtures, "seed-004-mapping.json")],
    );
    expect(code).toBe(1);
    expect(output.split("\n")[1]).toBe("0 adopted as is, 3 adopted with changes (2 replaced by the first pulumi up), 2 not managed here, 17 would be created");
    expect(output).toContain("adopted with changes: Policy datasets ← mlPolicy");
    const report = read(root, "report.json") as AdoptionReport;
    expect(read(root, "import.json")).toEqual(pulumiImportFile(report, plans.find((plan) => plan.stack === "distributed-ml")!));
    expect((read(root, "aliases.json") as { stateMove: { command: string } }).stateMove.command).toMatch(
      /^pulumi state move --source organization\/distributed-ml-iam\/dev --dest organization\/distributed-ml\/dev 'urn:pulumi:dev::distributed-ml-iam::/,
    );
    const markdown = readFileSync(join(root, "dist/adopt/distributed-ml/dev/report.md"), "utf8");
    expect(markdown).toContain("## Adopted with changes (3)");
    expect(markdown).toContain("pulumi import --stack dev --file ../../dist/adopt/distributed-ml/dev/import.json --generate-code=false");
  });

  it("exits 0 when everything it adopts is adopted as is, and writes no aliases for a resource list", async () => {
    const root = workspace();
    const out = join(root, "adopt-out");
    mkdirSync(out);
    writeFileSync(join(out, "aliases.json"), "{}\n");
    const list = join(root, "existing.json");
    writeFileSync(list, JSON.stringify({ resources: [{ type: "AWS::IAM::Role", name: "distributed-ml-access", arn: "arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-access" }] }));
    const { code, output } = await adopt(root, "--from", list, "--stack", "distributed-ml", "--out", out);
    expect(code).toBe(0);
    expect(output).toContain("adopted as is: Role access ← distributed-ml-access");
    expect(existsSync(join(out, "aliases.json"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, "import.json"), "utf8"))).toEqual({
      resources: [
        { type: "ml-iam:team-stack:TeamRole", name: "access-team-role", logicalName: "access", component: true },
        { type: "aws:iam/role:Role", name: "access", id: "distributed-ml-access", parent: "access-team-role" },
      ],
    });
  });

  const seed = (name: string) => join(fixtures, name);
  it.each<[string, (root: string) => string[], RegExp]>([
    ["an unknown flag", () => ["--frobnicate"], /Unknown option '--frobnicate'/],
    ["no --from", () => ["--stack", "distributed-ml"], /^missing --from/],
    ["no --stack", () => ["--from", seed("seed-004-export.json")], /^missing --stack <team>$/],
    ["an env the stack does not have", () => ["--from", seed("seed-004-export.json"), "--stack", "distributed-ml", "--env", "qa"], /^stack distributed-ml has no Pulumi\.qa\.yaml$/],
    ["a file that is neither a stack export nor a resource list", (root) => ["--from", join(root, "nx.json"), "--stack", "distributed-ml"], /^nx\.json: neither a Pulumi stack export/],
    ["a --from that does not exist", () => ["--from", "nowhere.json", "--stack", "distributed-ml"], /^cannot read --from .*nowhere\.json: ENOENT$/],
    [
      "a mapping to a resource the plan does not have",
      (root) => {
        writeFileSync(join(root, "mapping.json"), JSON.stringify({ "mlTeamRole-6b1d8f2": "urn:pulumi:dev::distributed-ml::aws:iam/role:Role::trainer" }));
        return ["--from", seed("seed-004-export.json"), "--stack", "distributed-ml", "--mapping", join(root, "mapping.json")];
      },
      /^mapping\.json: "mlTeamRole-6b1d8f2" maps to urn:pulumi:dev::distributed-ml::aws:iam\/role:Role::trainer, which the plan of distributed-ml \(dev\) does not have/,
    ],
  ])("refuses %s with one line, and writes nothing", async (_case, argsOf, message) => {
    const root = workspace();
    await expectRefused(root, argsOf(root), message);
  });

  it("refuses an unknown stack with one line naming every stack, and writes nothing", async () => {
    await expectRefused(workspace(), ["--from", seed("seed-004-export.json"), "--stack", "nope"], "unknown stack nope: the stacks are central-ai, distributed-ml");
  });

  it("on a full disk, fails with one line naming the file and the cause, and leaves no file of the run", async () => {
    const root = workspace();
    const out = join(root, "adopt-out");
    const write = fs.writeFileSync;
    const full = jest.spyOn(fs, "writeFileSync").mockImplementation(((path: string, ...rest: unknown[]) => {
      if (String(path).startsWith(join(out, "report.json."))) throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: "ENOSPC" });
      return (write as (...args: unknown[]) => void)(path, ...rest);
    }) as never);
    try {
      const attempt = adopt(root, "--from", seed("seed-004-export.json"), "--stack", "distributed-ml", "--mapping", seed("seed-004-mapping.json"), "--out", out);
      await expect(attempt).rejects.toThrow(FileWriteError);
      await expect(attempt).rejects.toThrow(`cannot write ${join(out, "report.json")}: no space left on device (ENOSPC)`);
    } finally {
      full.mockRestore();
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it("fails with one line on an --out below a file, naming the directory it cannot create", async () => {
    const root = workspace();
    const attempt = adopt(root, "--from", seed("seed-004-export.json"), "--stack", "distributed-ml", "--out", join(root, "nx.json/adopt"));
    await expect(attempt).rejects.toThrow(FileWriteError);
    await expect(attempt).rejects.toThrow(`cannot create directory ${join(root, "nx.json/adopt")}: not a directory (ENOTDIR)`);
  });

  it("asks for the plan when there is none", async () => {
    const root = workspace({ withPlans: false });
    await expect(adopt(root, "--from", seed("seed-004-export.json"), "--stack", "distributed-ml")).rejects.toThrow(
      /^no plan of distributed-ml \(dev\) at .*dist\/plan\/distributed-ml\/dev\.json: run npm run plan first$/,
    );
  });
});
