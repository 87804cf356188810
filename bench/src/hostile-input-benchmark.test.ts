import { validatePolicy } from "@ml-iam/iam";
import { hostileDocuments } from "./hostile-input-benchmark";

const document = (prefix: string, salt = 0) => hostileDocuments.find(({ name }) => name.startsWith(prefix))!.build(salt);

describe("the hostile documents of the benchmark", () => {
  it("include one of 5,000 statements", () => {
    expect(document("5,000 statements").Statement).toHaveLength(5_000);
  });

  it("include an action of at least 100 KB", () => {
    const [statement] = [document("a 100 KB action").Statement].flat();
    expect(String(statement!.Action).length).toBeGreaterThanOrEqual(100_000);
  });

  it("are valid policy documents, so every rule runs over them rather than stopping at INVALID_DOCUMENT", () => {
    for (const { name, build } of hostileDocuments.filter(({ name }) => !name.startsWith("5,000"))) {
      const codes = validatePolicy(build(0), { kind: "identity" }).map((finding) => finding.code);
      expect({ name, codes }).toEqual({ name, codes: expect.not.arrayContaining(["INVALID_DOCUMENT"]) });
    }
  });

  it("differ between runs, so no run reads another's cached pattern expansion", () => {
    expect(JSON.stringify(document("runs of `*`", 1))).not.toBe(JSON.stringify(document("runs of `*`", 2)));
  });
});
