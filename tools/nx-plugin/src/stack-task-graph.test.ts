import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { declaredStacks, fakePulumi, fixtureConsumer, runNxOrFail, workspaceCopy } from "./testing";

/** The task graph Nx writes with `--graph=<file>.json`. */
interface TaskGraphJson {
  roots: string[];
  tasks: Record<string, { cache?: boolean }>;
  dependencies: Record<string, string[]>;
}

const copy = workspaceCopy();
const stacks = declaredStacks(copy.root);
const consumers = stacks.filter((stack) => stack.upstream.length > 0);
// The identity stack deploys after every env of its upstream stacks, in a job of its own: its preview and up
// run none of theirs, which have no env of its name.
const upstreamTasksOf = (stack: (typeof stacks)[number], target: string) => (stack.identity ? [] : tasksOf(stack.upstream, target));
const graphDir = mkdtempSync(join(tmpdir(), "task-graph-"));

let graphs = 0;

/** The task graph of an Nx run, without running it. */
function taskGraph(...args: string[]): TaskGraphJson {
  const file = join(graphDir, `graph-${(graphs += 1)}.json`);
  runNxOrFail(copy.root, [...args, `--graph=${file}`]);
  return (JSON.parse(readFileSync(file, "utf8")) as { tasks: TaskGraphJson }).tasks;
}

const tasksOf = (names: string[], target: string) => names.map((name) => `${name}:${target}`).sort();
const dependenciesOf = (graph: TaskGraphJson, task: string) => [...(graph.dependencies[task] ?? [])].sort();

describe("the order Nx runs Pulumi in", () => {
  afterAll(() => copy.remove());

  it("deploys every stack after the stacks it references", () => {
    expect(consumers.map((stack) => stack.name)).toContain(fixtureConsumer);
    const graph = taskGraph("run-many", "-t", "up");
    for (const stack of stacks) {
      // The name goes along so that a failure says which stack is out of order.
      expect([stack.name, dependenciesOf(graph, `${stack.name}:up`)]).toEqual([stack.name, upstreamTasksOf(stack, "up")]);
    }
    expect(graph.roots).toContain("central-ai:up");
  });

  it("previews the upstream stacks of a consumer first", () => {
    const graph = taskGraph("run-many", "-t", "preview", `--projects=${consumers.map((stack) => stack.name).join(",")}`);
    expect(Object.keys(graph.tasks)).toContain("central-ai:preview");
    for (const stack of consumers) {
      expect([stack.name, dependenciesOf(graph, `${stack.name}:preview`)]).toEqual([stack.name, upstreamTasksOf(stack, "preview")]);
    }
  });

  it("previews only the stacks asked for with --exclude-task-dependencies", () => {
    // Nx 23.2 writes the upstream tasks into --graph even with the flag, so this runs the previews, with a fake pulumi.
    const pulumi = fakePulumi();
    const inProd = consumers.filter((stack) => stack.envs.includes("prod"));
    const names = inProd.map((stack) => stack.name);
    runNxOrFail(copy.root, ["run-many", "-t", "preview", `--projects=${names.join(",")}`, "--exclude-task-dependencies", "--env=prod"], {
      PATH: [pulumi.bin, process.env.PATH].join(delimiter),
    });
    const previewed = pulumi.calls().map((call) => /--cwd stacks\/(\S+)/.exec(call)?.[1]);
    expect(previewed.sort()).toEqual(inProd.map((stack) => stack.root.replace("stacks/", "")).sort());
  });

  it("never caches a Pulumi command: the cloud, not the sources, decides its result", () => {
    const graph = taskGraph("run-many", "-t", "preview", "up", "refresh", "destroy", "--projects=central-ai");
    const targets = ["destroy", "preview", "refresh", "up"];
    expect(Object.keys(graph.tasks).sort()).toEqual(targets.map((target) => `central-ai:${target}`));
    for (const task of Object.values(graph.tasks)) expect(task).toMatchObject({ cache: false });
  });
});
