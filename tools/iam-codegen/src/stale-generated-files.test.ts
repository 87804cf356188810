import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { staleGeneratedFiles } from "./stale-generated-files";

describe("staleGeneratedFiles", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "iam-codegen-"));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const write = (path: string, contents: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  };

  it.each([
    ["identical", "export {};\n", []],
    ["different", "export const x = 1;\n", ["gen/a.ts"]],
    ["missing a trailing newline", "export {};", ["gen/a.ts"]],
    ["written with CRLF", "export {};\r\n", ["gen/a.ts"]],
  ])("reports a file on disk that is %s", (_case, onDisk, expected) => {
    write("gen/a.ts", onDisk);
    expect(staleGeneratedFiles(new Map([["gen/a.ts", "export {};\n"]]), root)).toEqual(expected);
  });

  it("reports missing files, sorted", () => {
    write("gen/b.ts", "b\n");
    const files = new Map([
      ["gen/c.ts", "c\n"],
      ["gen/b.ts", "b\n"],
      ["gen/a.ts", "a\n"],
    ]);
    expect(staleGeneratedFiles(files, root)).toEqual(["gen/a.ts", "gen/c.ts"]);
  });
});
