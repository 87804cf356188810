import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { declaredStacks, runNxOrFail, stackAndConsumers, workspaceCopy } from "./testing";

// A real git repository with one commit: a change is an uncommitted edit, and Nx compares it with HEAD
// as CI compares a pull request with its base.
const copy = workspaceCopy();
const stacks = declaredStacks(copy.root);
const stackNames = new Set(stacks.map((stack) => stack.name));

/** The stacks `nx show projects --affected` selects when `file` changes. */
function affectedStacksWhenChanged(file: string): string[] {
  appendFileSync(join(copy.root, file), "\n// changed\n");
  try {
    const projects = JSON.parse(runNxOrFail(copy.root, ["show", "projects", "--affected", "--base=HEAD", "--json"])) as string[];
    return projects.filter((project) => stackNames.has(project)).sort();
  } finally {
    copy.restore();
  }
}

describe("the stacks a change selects", () => {
  afterAll(() => copy.remove());

  it("selects every stack when the IAM library changes", () => {
    expect(affectedStacksWhenChanged("libs/iam/src/index.ts")).toEqual([...stackNames].sort());
  });

  it.each(stacks.map((stack) => [stack.name, stack.root, stackAndConsumers(stacks, stack.name)] as const))(
    "selects %s and the stacks that reference it when it changes",
    (_, root, expected) => {
      expect(affectedStacksWhenChanged(`${root}/src/index.ts`)).toEqual(expected);
    },
  );

  it("selects no stack when only the CLI changes", () => {
    expect(affectedStacksWhenChanged("tools/cli/src/main.ts")).toEqual([]);
  });
});
