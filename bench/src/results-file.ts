import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * A results file with `section` (Markdown starting with a `## ` heading) in it: put in place of the section of
 * the same heading, so that suites run separately on one day share one file, or added at the end.
 */
export function withResultsSection(existing: string | undefined, title: string, section: string): string {
  const heading = section.split("\n", 1)[0]!;
  if (!heading.startsWith("## ")) throw new Error(`a results section starts with a "## " heading, not ${JSON.stringify(heading)}`);
  const lines = (existing ?? title).split("\n");
  const start = lines.indexOf(heading);
  const next = start < 0 ? -1 : lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const before = lines.slice(0, start < 0 ? lines.length : start).join("\n");
  const after = next < 0 ? "" : lines.slice(next).join("\n");
  return [before, section, after].map((part) => part.trim()).filter(Boolean).join("\n\n") + "\n";
}

/** Writes `section` into the results file (created with `title` when new). */
export function writeResultsSection(file: string, title: string, section: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, withResultsSection(existsSync(file) ? readFileSync(file, "utf8") : undefined, title, section));
}
