import { withResultsSection } from "./results-file";

const title = "# Benchmarks 2026-12-03";

describe("a results file shared by the benchmark suites", () => {
  it("starts with the title and the first section", () => {
    expect(withResultsSection(undefined, title, "## Scale\n\n| a |\n")).toBe(`${title}\n\n## Scale\n\n| a |\n`);
  });

  it("adds a suite's section after the others", () => {
    const file = withResultsSection(withResultsSection(undefined, title, "## Workspace\n\nw\n"), title, "## Scale\n\ns\n");
    expect(file).toBe(`${title}\n\n## Workspace\n\nw\n\n## Scale\n\ns\n`);
  });

  it("replaces a section run again, keeping the sections around it", () => {
    const file = `${title}\n\n## Workspace\n\nold\n\n## Scale\n\ns\n`;
    expect(withResultsSection(file, title, "## Workspace\n\nnew\n")).toBe(`${title}\n\n## Workspace\n\nnew\n\n## Scale\n\ns\n`);
    expect(withResultsSection(file, title, "## Scale\n\nt\n")).toBe(`${title}\n\n## Workspace\n\nold\n\n## Scale\n\nt\n`);
  });

  it("refuses a section without its heading", () => {
    expect(() => withResultsSection(undefined, title, "| a |")).toThrow('a results section starts with a "## " heading, not "| a |"');
  });
});
