import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "../../..");
/** iam-simulate and the AGPL-3.0 packages it brings. */
const agplPackages = ["@cloud-copilot/iam-simulate", "@cloud-copilot/iam-policy", "@cloud-copilot/iam-utils"];
const oraclePackage = "@ml-iam/simulation-oracle";
/** Only this package and the benchmarks (a tool, never shipped) may use the oracle. */
const allowedImporters = ["tools/simulation-oracle/", "bench/"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (["node_modules", "dist", ".nx", "files"].includes(entry.name)) return [];
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

function importedModules(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g)].map((match) => match[1]!);
}

function dependenciesOf(packageJson: string): string[] {
  const manifest = JSON.parse(readFileSync(packageJson, "utf8")) as Record<string, Record<string, string> | undefined>;
  return ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"].flatMap((field) => Object.keys(manifest[field] ?? {}));
}

describe("the AGPL oracle stays out of the product", () => {
  it("is imported only by the oracle package and the benchmarks", () => {
    const offenders = ["libs", "stacks", "tools", "bench"]
      .flatMap((top) => sourceFiles(join(root, top)))
      .map((file) => ({ file: relative(root, file), modules: importedModules(readFileSync(file, "utf8")) }))
      .filter(({ file }) => !allowedImporters.some((prefix) => file.startsWith(prefix)))
      .filter(({ modules }) => modules.some((module) => module === oraclePackage || agplPackages.some((agpl) => module.startsWith(agpl))))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("is a dev dependency of the oracle package alone", () => {
    expect(dependenciesOf(join(root, "package.json")).filter((name) => agplPackages.includes(name))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(__dirname, "../package.json"), "utf8"));
    expect(manifest.private).toBe(true);
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.devDependencies)).toEqual(["@cloud-copilot/iam-simulate"]);
  });

  it("is installed as a dev-only package, left out by npm ci --omit=dev", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
    for (const name of agplPackages) {
      expect({ name, dev: lock.packages[`node_modules/${name}`]?.dev }).toEqual({ name, dev: true });
    }
  });
});
