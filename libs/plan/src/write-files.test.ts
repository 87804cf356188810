import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PlanError } from "./plan-error";
import { PlanStore } from "./plan-store";
import { emptyPlan } from "./testing";
import { describeFileError, FileWriteError, withCleanupFailures, writeFilesWhole } from "./write-files";

/** An error as Node's file system throws it. */
function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const words: Record<string, string> = { ENOSPC: "no space left on device", EROFS: "read-only file system", EACCES: "permission denied" };
  return Object.assign(new Error(`${code}: ${words[code]}, ${syscall} '${path}'`), { code, syscall, path });
}

/** Makes `name` of node:fs throw `error` for the paths `when` picks, and behave as ever for the others. */
function failing<Name extends "writeFileSync" | "mkdirSync" | "renameSync" | "rmSync">(name: Name, when: (path: string) => boolean, code: string) {
  const real = fs[name] as (...args: unknown[]) => unknown;
  return jest.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
    const path = String(args[name === "renameSync" ? 1 : 0]);
    if (when(path)) throw systemError(code, name.replace(/Sync$/, ""), path);
    return real(...args);
  }) as never);
}

function thrownBy(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("writing files whole", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "write-files-"));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it("on a full disk at the second file, names that file and the cause in one line, and leaves nothing", () => {
    const store = new PlanStore(root);
    failing("writeFileSync", (path) => path.startsWith(`${store.jsonPath("team", "dev")}.`), "ENOSPC");
    const error = thrownBy(() => store.write(emptyPlan()));
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toBe(`cannot write ${store.jsonPath("team", "dev")}: no space left on device (ENOSPC)`);
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe("ENOSPC");
    expect(readdirSync(join(root, "team"))).toEqual([]);
  });

  it("on a read-only directory, names the directory it could not create, and writes nothing", () => {
    const store = new PlanStore(join(root, "plan"));
    failing("mkdirSync", () => true, "EROFS");
    const error = thrownBy(() => store.write(emptyPlan()));
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toBe(`cannot create directory ${join(root, "plan/team")}: read-only file system (EROFS)`);
    expect(readdirSync(root)).toEqual([]);
  });

  it("keeps a full disk the cause when the cleanup fails too, the cleanup's failures added to the same line", () => {
    const store = new PlanStore(root);
    failing("writeFileSync", (path) => path.startsWith(`${store.jsonPath("team", "dev")}.`), "ENOSPC");
    failing("rmSync", () => true, "EROFS");
    const error = thrownBy(() => store.write(emptyPlan())) as FileWriteError;
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error.message).not.toContain("\n");
    const file = store.jsonPath("team", "dev");
    expect(error.message.startsWith(`cannot write ${file}: no space left on device (ENOSPC) (and the cleanup failed: cannot remove `)).toBe(true);
    expect(error.message).toMatch(/cannot remove .*dev\.md\.\d+\.[0-9a-f-]+\.tmp: read-only file system \(EROFS\); cannot remove .*dev\.json\.\d+\.[0-9a-f-]+\.tmp: read-only file system \(EROFS\)\)$/);
    expect((error.cause as NodeJS.ErrnoException).code).toBe("ENOSPC");
    // The paths as the caller shows them, in the cause and in the cleanup's failures alike.
    expect(error.describe((path) => path.replace(root, "dist/plan"))).toMatch(/^cannot write dist\/plan\/team\/dev\.json: .*\(and the cleanup failed: cannot remove dist\/plan\/team\/dev\.md\./);
  });

  it("on a full disk at the second rename, takes back the file already renamed", () => {
    const files = [
      { file: join(root, "a.json"), content: "a" },
      { file: join(root, "b.json"), content: "b" },
    ];
    failing("renameSync", (path) => path === files[1]!.file, "ENOSPC");
    expect(thrownBy(() => writeFilesWhole(files))).toEqual(expect.objectContaining({ message: `cannot write ${files[1]!.file}: no space left on device (ENOSPC)` }));
    expect(readdirSync(root)).toEqual([]);
  });

  it("removes the files a write no longer produces, and keeps them when it fails before the renames", () => {
    writeFileSync(join(root, "stale.json"), "old");
    writeFilesWhole([{ file: join(root, "new.json"), content: "new" }], { remove: [join(root, "stale.json")] });
    expect(readdirSync(root)).toEqual(["new.json"]);
    expect(readFileSync(join(root, "new.json"), "utf8")).toBe("new");

    writeFileSync(join(root, "stale.json"), "old");
    failing("writeFileSync", (path) => path.includes("second"), "ENOSPC");
    expect(() => writeFilesWhole([{ file: join(root, "first.json"), content: "1" }, { file: join(root, "second.json"), content: "2" }], { remove: [join(root, "stale.json")] })).toThrow(FileWriteError);
    expect(readdirSync(root).sort()).toEqual(["new.json", "stale.json"]);
  });

  it("adds a failed cleanup to a failed plan without changing its kind, and to any other error", () => {
    const cleanup = [new FileWriteError("remove", "/plans/team/dev.json", systemError("EROFS", "unlink", "/plans/team/dev.json"))];
    const plan = withCleanupFailures(new PlanError("team", "dev", "policy invalid"), cleanup);
    expect(plan).toBeInstanceOf(PlanError);
    expect((plan as Error).message).toBe("plan of team (dev) failed: policy invalid (and the cleanup failed: cannot remove /plans/team/dev.json: read-only file system (EROFS))");
    const bug = new TypeError("x is undefined");
    const other = withCleanupFailures(bug, cleanup) as Error;
    expect([other.message, other.cause]).toEqual(["x is undefined (and the cleanup failed: cannot remove /plans/team/dev.json: read-only file system (EROFS))", bug]);
    expect(withCleanupFailures(bug, [])).toBe(bug);
  });

  it("describes file system errors in words with their code, and anything else by its message on one line", () => {
    expect(describeFileError(systemError("EACCES", "open", "/x"))).toBe("permission denied (EACCES)");
    expect(describeFileError(new Error("two\nlines"))).toBe("two lines");
    expect(describeFileError("text")).toBe("text");
  });
});
