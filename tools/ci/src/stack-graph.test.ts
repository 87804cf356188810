import { contractOf } from "@ml-iam/contracts";
import { listWorkspaceStacks } from "@ml-iam/plan";
import { planWorkspaceStack } from "@ml-iam/plan/src/testing";
import { join } from "node:path";

// Nx orders deploys and selects affected stacks by project.json implicitDependencies; the programs read
// upstream stacks through contract references. The two must name the same stacks, or `up` runs a consumer
// before the stack it reads, and a change to a producer leaves its consumers out of the pull request.
const stacks = listWorkspaceStacks(join(__dirname, "../../.."));
const byName = new Map(stacks.map((stack) => [stack.name, stack]));

describe("the stack graph", () => {
  // The programs' policy warnings belong to their own tests; here they would only bury the result.
  beforeAll(() => jest.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it("has stacks to check", () => {
    expect(byName.has("central-ai")).toBe(true);
  });

  it.each(stacks.flatMap((stack) => stack.envs.map((env) => [stack.name, env, [...stack.upstream].sort()] as const)))(
    "%s (%s) references exactly the upstream stacks its project.json declares",
    async (name, env, declared) => {
      const plan = await planWorkspaceStack(name, env);
      const referenced = [...new Set(plan.references.map((reference) => reference.project))].sort();
      expect(referenced).toEqual(declared);
    },
  );

  it("declares as upstream only stacks of the workspace that export a contract", () => {
    const problems = stacks.flatMap((stack) =>
      stack.upstream.flatMap((upstream) => {
        if (!byName.has(upstream)) return [`${stack.name} declares ${upstream}, which is not a stack under stacks/`];
        if (!contractOf(upstream)) return [`${stack.name} declares ${upstream}, which exports no contract in libs/contracts`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it("has no cycle, so every stack has a place in the deploy order", () => {
    const placed = new Set<string>();
    let remaining = stacks;
    for (;;) {
      const ready = remaining.filter((stack) => stack.upstream.every((upstream) => placed.has(upstream) || !byName.has(upstream)));
      if (ready.length === 0) break;
      for (const stack of ready) placed.add(stack.name);
      remaining = remaining.filter((stack) => !placed.has(stack.name));
    }
    // What is left waits on itself through its upstream stacks.
    expect(remaining.map((stack) => stack.name)).toEqual([]);
  });
});
