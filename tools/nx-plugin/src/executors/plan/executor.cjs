// Nx loads .ts executors with Node's type stripping, which refuses the `export =` of the stack programs this
// executor runs; SWC transpiles the executor, the plan machinery and the programs instead, as in bin/ml-iam.js.
require("@ml-iam/cli/bin/register-typescript.cjs");
module.exports = require("./plan-executor.ts");
