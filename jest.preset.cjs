/** Shared Jest setup: SWC transpiles TypeScript; `typecheck` checks types separately. */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/files/"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  maxWorkers: 1,
  // Stack tests run whole programs in-process; on a loaded 2-core machine that can take seconds.
  testTimeout: 60_000,
};
