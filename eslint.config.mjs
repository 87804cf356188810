import js from "@eslint/js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import nx from "@nx/eslint-plugin";
import tseslint from "typescript-eslint";

/** Each team's scope tag, read from its stack's project.json, so a new team is constrained with no edit here. */
const teamScopes = existsSync("stacks")
  ? readdirSync("stacks")
      .filter((team) => existsSync(`stacks/${team}/project.json`))
      .flatMap((team) => JSON.parse(readFileSync(`stacks/${team}/project.json`, "utf8")).tags ?? [])
      .filter((tag) => tag.startsWith("scope:"))
  : [];

/** Module boundaries: stacks import libs only (never another stack); libs import libs; tools import libs. */
const depConstraints = [
  { sourceTag: "type:stack", onlyDependOnLibsWithTags: ["type:lib"] },
  { sourceTag: "type:lib", onlyDependOnLibsWithTags: ["type:lib"] },
  { sourceTag: "type:tool", onlyDependOnLibsWithTags: ["type:lib", "type:tool"] },
  { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
  { sourceTag: "scope:platform", onlyDependOnLibsWithTags: ["scope:shared", "scope:platform"] },
  ...teamScopes.map((scope) => ({ sourceTag: scope, onlyDependOnLibsWithTags: ["scope:shared", scope] })),
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/src/generated/**", ".nx/**", "**/files/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "@nx": nx },
    rules: {
      "@nx/enforce-module-boundaries": [
        "error",
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.cjs", "**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
