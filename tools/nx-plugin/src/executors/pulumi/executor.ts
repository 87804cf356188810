import type { ExecutorContext } from "@nx/devkit";
import { spawn } from "node:child_process";
import { formatCommandLine, pulumiCommandLine, type PulumiCommandLine, type PulumiExecutorOptions } from "./command-line";

/** The line printed when `pulumi` is not on PATH. */
export const missingCliMessage =
  "the Pulumi CLI is not installed: https://www.pulumi.com/docs/iac/download-install/ — `npm run plan` needs no CLI";

const forwardedSignals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/** Runs the command with this process's terminal and environment; resolves with its exit code, or null. */
function run(commandLine: PulumiCommandLine): Promise<{ code: number | null; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    // env is explicit so that pulumi is looked up on the PATH this module sees (tests put a fake first on it).
    const child = spawn(commandLine.file, commandLine.args, { cwd: commandLine.cwd, stdio: "inherit", env: process.env });
    // Pulumi cancels an update cleanly on SIGINT; pass Nx's interruptions on instead of orphaning it.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    forwardedSignals.forEach((signal) => process.on(signal, forward));
    let settled = false;
    const settle = (result: { code: number | null; error?: NodeJS.ErrnoException }) => {
      if (settled) return;
      settled = true;
      forwardedSignals.forEach((signal) => process.off(signal, forward));
      resolve(result);
    };
    child.on("error", (error) => settle({ code: null, error }));
    child.on("close", (code) => settle({ code }));
  });
}

/** `@ml-iam/tools:pulumi`: pulumi preview, up, refresh or destroy on one env of the target's stack. */
export default async function pulumiExecutor(
  options: PulumiExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const name = context.projectName ?? "(no project)";
  const root = context.projectsConfigurations?.projects[name]?.root;
  if (!root) {
    console.error(`the pulumi executor runs on a stack project; ${name} has no project root`);
    return { success: false };
  }
  let commandLine: PulumiCommandLine;
  try {
    commandLine = pulumiCommandLine(options, { name, root, workspaceRoot: context.root });
  } catch (error) {
    console.error((error as Error).message);
    return { success: false };
  }
  console.log(`> ${formatCommandLine(commandLine)}`);
  const { code, error } = await run(commandLine);
  if (error?.code === "ENOENT") {
    console.error(missingCliMessage);
  } else if (error) {
    console.error(`pulumi could not be started: ${error.message}`);
  }
  return { success: code === 0 };
}
