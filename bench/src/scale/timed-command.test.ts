import { existsSync } from "node:fs";
import { runTimed } from "./timed-command";

const node = (script: string) => runTimed(process.execPath, ["-e", script], { cwd: __dirname, env: process.env });

describe("a timed command", () => {
  it("reports its exit status, its output and at least the time it took", async () => {
    const run = await node("setTimeout(() => { console.log('out'); console.error('err'); process.exit(3); }, 300)");
    expect([run.status, run.stdout, run.stderr]).toEqual([3, "out\n", "err\n"]);
    expect(run.ms).toBeGreaterThanOrEqual(300);
  });

  it("keeps all of a burst of output written just before the process exits", async () => {
    const run = await node("process.stdout.write('x'.repeat(4 * 1024 * 1024) + 'end\\n'); process.exit(0)");
    expect(run.stdout.length).toBe(4 * 1024 * 1024 + 4);
    expect(run.stdout.endsWith("end\n")).toBe(true);
  });

  const linux = existsSync("/proc/self/status") ? it : it.skip;
  linux("counts the memory of the processes it starts, not only its own", async () => {
    // The parent holds next to nothing; its child fills 300 MB and holds it for a few samples.
    const child = "const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => b.length, 600)";
    const run = await node(`require("node:child_process").spawnSync(process.execPath, ["-e", ${JSON.stringify(child)}])`);
    expect(run.status).toBe(0);
    expect(run.peakMb).toBeGreaterThan(300);
  });
});
