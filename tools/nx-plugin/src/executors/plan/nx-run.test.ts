import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { declaredStacks, fixtureConsumer, runNx, workspaceCopy } from "../../testing";

// Through the real `nx run-many -t plan`: Nx hands every uncached plan task to the batch executor, which plans
// them in one process upstream first and reports each task on its own, so each is cached on its own.
const copy = workspaceCopy();
const declared = declaredStacks(copy.root);
const stacks = declared.map((stack) => stack.name);
const planFile = (stack: string, env: string) => join(copy.root, "dist/plan", stack, `${env}.json`);
const outputsOf = (stack: string, env: string) => (JSON.parse(readFileSync(planFile(stack, env), "utf8")) as { outputs: Record<string, unknown> }).outputs;
const planAll = () => {
  const result = runNx(copy.root, ["run-many", "-t", "plan", "--output-style=static"]);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

/** The stacks whose plan a run executed rather than took from the cache. */
const replanned = (output: string) => stacks.filter((stack) => !output.includes(`> nx run ${stack}:plan  [local cache]`));

describe("nx run-many -t plan", () => {
  afterAll(() => copy.remove());

  it("plans every stack in one batch, upstream first, for every env", () => {
    const { status, output } = planAll();
    expect(status).toBe(0);
    expect(output).toContain(`Running ${stacks.length} tasks with @ml-iam/tools:plan`);
    for (const stack of declared) for (const env of stack.envs) expect([stack.name, env, existsSync(planFile(stack.name, env))]).toEqual([stack.name, env, true]);
    const order = declared.filter((stack) => stack.envs.includes("dev")).map((stack) => output.indexOf(`${stack.name} (dev, account 111111111111)`));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order[stacks.indexOf("central-ai")]).toBe(Math.min(...order));
  }, 120_000);

  it("then takes every stack from the cache", () => {
    const { status, output } = planAll();
    expect(status).toBe(0);
    // Named, so that a miss says which stack's plan Nx did not take from the cache.
    expect(replanned(output)).toEqual([]);
    expect(output).toContain(`Cache:             ${stacks.length}/${stacks.length} hit (100%)`);
  }, 60_000);

  it("replans only the stack that changed, its upstream plans coming from the cache", () => {
    writeFileSync(join(copy.root, "stacks", fixtureConsumer, "src/index.ts"), `export const team = "${fixtureConsumer}";\nexport const release = "2";\n`);
    const { status, output } = planAll();
    expect(status).toBe(0);
    expect(replanned(output)).toEqual([fixtureConsumer]);
    expect(output).toContain(`Cache:             ${stacks.length - 1}/${stacks.length} hit`);
    expect(outputsOf(fixtureConsumer, "prod")).toEqual({ team: fixtureConsumer, release: "2" });
  }, 60_000);

  it("fails the stack whose plan fails, names its file, writes nothing for it and runs none of its consumers", () => {
    const config = join(copy.root, "stacks/central-ai/Pulumi.dev.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("aws:region: us-east-1", "aws:region: moon-base-1"));
    const { status, output } = planAll();
    copy.restore();
    // 1, not Nx's 130 for a skipped task: the consumer fails too, naming the upstream stack that failed.
    expect(status).toBe(1);
    expect(output).toContain('plan of central-ai (dev) failed: stacks/central-ai/Pulumi.dev.yaml: aws:region must be an AWS region such as us-east-1, got "moon-base-1"');
    expect(existsSync(planFile("central-ai", "dev"))).toBe(false);
    expect(output).toContain(`plan of ${fixtureConsumer} skipped: its upstream stack central-ai failed to plan`);
    expect(output).not.toContain(`${fixtureConsumer} (dev, account`);
  }, 60_000);

  it("plans only the env asked for", () => {
    const result = runNx(copy.root, ["run", `${fixtureConsumer}:plan`, "--env=prod", "--skip-nx-cache", "--output-style=static"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${fixtureConsumer} (prod, account 222222222222)`);
    expect(result.stdout).not.toContain(`${fixtureConsumer} (dev,`);
  }, 60_000);
});
