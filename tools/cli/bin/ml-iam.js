#!/usr/bin/env node
// The workspace runs TypeScript sources directly; SWC transpiles them on load.
require("@swc-node/register");
require("../src/main.ts");
