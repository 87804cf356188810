// The entry point Pulumi loads (package.json "main") when a preview or up runs with --policy-pack.
// Pulumi's runner, @pulumi/pulumi/cmd/run-policy-pack, registers ts-node for .ts files whatever
// PulumiPolicy.yaml says: type-checking every workspace lib again, with compiler options of its own.
// The workspace's TypeScript is transpiled by SWC everywhere else, so swap that hook for SWC's, with
// this project's tsconfig.json (the runner's working directory is not guaranteed to be this one).
const { join } = require("node:path");
const { readDefaultTsConfig } = require("@swc-node/register/read-default-tsconfig");
const { register } = require("@swc-node/register/register");

delete require.extensions[".ts"];
register(readDefaultTsConfig(join(__dirname, "tsconfig.json")));
require("./src/index.ts");
