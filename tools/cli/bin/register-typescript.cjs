// Runs the workspace's TypeScript sources through SWC, as tests and Pulumi do. The source maps stay inline in
// the transpiled code (`NODE_OPTIONS=--enable-source-maps` maps an error's stack with them) rather than being
// applied by source-map-support to every stack trace taken: Pulumi takes one for each output of each resource,
// and mapping those in JavaScript was a third of a plan's time.
process.env.SWC_NODE_SOURCE_MAP_MODE ??= "inline";
require("@swc-node/register");
