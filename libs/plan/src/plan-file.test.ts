import { readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalJson } from "./canonical-json";
import { parsePlanFile, planFileJsonSchema } from "./plan-file";
import { emptyPlan } from "./testing";

const minimalPlan = emptyPlan({ stack: "s" });

describe("the plan file", () => {
  it("is described by the committed JSON Schema (regenerate with `npx nx run plan:schema`)", () => {
    const committed = readFileSync(join(__dirname, "../plan.schema.json"), "utf8");
    expect(committed).toBe(canonicalJson(planFileJsonSchema()));
  });

  it("parses a valid plan", () => {
    expect(parsePlanFile(JSON.stringify(minimalPlan), "dist/plan/s/dev.json").stack).toBe("s");
  });

  it("parses a plan older code wrote, which has no workflows, as one with none", () => {
    const { workflows: _workflows, ...older } = minimalPlan;
    expect(parsePlanFile(JSON.stringify(older), "dist/plan/s/dev.json").workflows).toEqual([]);
  });

  it("lets the JSON Schema's readers find a plan without workflows valid too", () => {
    const schema = planFileJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty("workflows");
    expect(schema.required).not.toContain("workflows");
  });

  it.each([
    ["{", /dist\/plan\/s\/dev.json: not JSON/],
    [JSON.stringify({ ...minimalPlan, version: 2 }), /dist\/plan\/s\/dev.json: not a plan file: version: /],
    [JSON.stringify({ ...minimalPlan, steps: [{ op: "create" }] }), /not a plan file: steps\.0\.urn: /],
  ])("rejects %s naming the file and the field", (json, message) => {
    expect(() => parsePlanFile(json, "dist/plan/s/dev.json")).toThrow(message);
  });
});
