import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAdoptionMapping, type AdoptionMapping } from "./adoption-mapping";
import { parseExistingResources, type ExistingInventory } from "./existing-resources";

/** The directory of the hand-written fixtures: seed stack exports, mappings, resource lists. */
export const fixturesDirectory = join(__dirname, "fixtures");

/** A fixture's path and text. */
export function readFixture(name: string): { file: string; text: string } {
  const file = join(fixturesDirectory, name);
  return { file, text: readFileSync(file, "utf8") };
}

/** The existing resources of a fixture (a stack export or a resource list). */
export function existingFixture(name: string): ExistingInventory {
  const { file, text } = readFixture(name);
  return parseExistingResources(text, file);
}

/** A mapping fixture, or the given entries as a mapping. */
export function mappingFixture(nameOrEntries: string | Record<string, string>): AdoptionMapping {
  if (typeof nameOrEntries !== "string") return parseAdoptionMapping(JSON.stringify(nameOrEntries), "mapping.json");
  const { file, text } = readFixture(nameOrEntries);
  return parseAdoptionMapping(text, file);
}
