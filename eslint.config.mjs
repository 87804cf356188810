import js from "@eslint/js";
import nx from "@nx/eslint-plugin";
import tseslint from "typescript-eslint";

/** Module boundaries: stacks import libs only; libs import libs; tools import libs. */
const depConstraints = [
  { sourceTag: "type:stack", onlyDependOnLibsWithTags: ["type:lib"] },
  { sourceTag: "type:lib", onlyDependOnLibsWithTags: ["type:lib"] },
  { sourceTag: "type:tool", onlyDependOnLibsWithTags: ["type:lib", "type:tool"] },
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
