#!/usr/bin/env node
// The workspace runs TypeScript sources directly; SWC transpiles them on load.
require("./register-typescript.cjs");
require("../src/main.ts");
