import type * as grpcTypes from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { AnalyzeRequest, AnalyzerResourceOptions, EnforcementLevel, type AnalyzeDiagnostic } from "@pulumi/pulumi/proto/analyzer_pb";
import type * as emptyTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { policies, policyPackName } from "./policies";

// The pack as Pulumi runs it with --policy-pack: Pulumi's own runner loads the pack directory (package.json
// "main", index.js) and the pack serves the Analyzer gRPC service the engine calls for each resource.
// gRPC and protobuf are the modules Pulumi's generated client checks its arguments against.
const fromPulumiProto = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
const grpc = fromPulumiProto("@grpc/grpc-js") as typeof grpcTypes;
const { Empty } = fromPulumiProto("google-protobuf/google/protobuf/empty_pb") as typeof emptyTypes;
const { Struct } = fromPulumiProto("google-protobuf/google/protobuf/struct_pb") as typeof structTypes;
const packDir = join(__dirname, "..");
const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");

/** What Pulumi sends for an input that is not known yet during a preview (a string's sentinel). */
const unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

let pack: ChildProcess;
let client: AnalyzerClient;
let stderr = "";

beforeAll(async () => {
  // The runner's arguments: the engine's address (not called by these requests) and the pack directory.
  pack = spawn(process.execPath, [runPolicyPack, "127.0.0.1:1", "."], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
  pack.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    pack.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    pack.once("exit", (code) => reject(new Error(`the policy pack exited ${code} before serving:\n${stderr}`)));
  });
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
});

afterAll(() => {
  client?.close();
  pack?.kill();
});

function analyze(type: string, urn: string, props: Record<string, unknown>): Promise<AnalyzeDiagnostic[]> {
  const request = new AnalyzeRequest()
    .setType(type)
    .setUrn(urn)
    .setName(urn.split("::").pop()!)
    .setProperties(Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]))
    .setOptions(new AnalyzerResourceOptions());
  return new Promise((resolve, reject) =>
    client.analyze(request, (error, response) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(response.getDiagnosticsList()))),
  );
}

const roleUrn = "urn:pulumi:dev::data-scientists::ml-iam:team-stack:TeamRole$aws:iam/role:Role::access";
const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "sts:AssumeRole" }],
});

describe("the policy pack under Pulumi's runner", () => {
  it("serves its three mandatory policies", async () => {
    const info = await new Promise<{ name: string; policies: [string, EnforcementLevel][] }>((resolve, reject) =>
      client.getAnalyzerInfo(new Empty(), (error, response) =>
        error
          ? reject(error)
          : resolve({ name: response.getName(), policies: response.getPoliciesList().map((policy) => [policy.getName(), policy.getEnforcementlevel()]) }),
      ),
    );
    expect(info).toEqual({ name: policyPackName, policies: policies.map((policy) => [policy.name, EnforcementLevel.MANDATORY]) });
  });

  it("reports a team role without the boundary and in another team's path as mandatory violations", async () => {
    const diagnostics = await analyze("aws:iam/role:Role", roleUrn, { name: "data-scientists-access", path: "/ml/model-builders/", assumeRolePolicy: trust });
    expect(diagnostics.map((diagnostic) => [diagnostic.getPolicyname(), diagnostic.getEnforcementlevel(), diagnostic.getMessage()])).toEqual([
      ["boundary-on-team-roles", EnforcementLevel.MANDATORY, expect.stringContaining("Role access of the data-scientists stack has no permissionsBoundary")],
      ["team-path", EnforcementLevel.MANDATORY, expect.stringContaining('Role access of the data-scientists stack is at path "/ml/model-builders/"')],
    ]);
  });

  it("passes a compliant team role", async () => {
    const props = {
      name: "data-scientists-access",
      path: "/ml/data-scientists/",
      assumeRolePolicy: trust,
      permissionsBoundary: "arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary",
    };
    expect(await analyze("aws:iam/role:Role", roleUrn, props)).toEqual([]);
  });

  it("leaves a check whose input is unknown during a preview to the update, as advisory", async () => {
    const props = { name: "data-scientists-access", path: "/ml/data-scientists/", assumeRolePolicy: trust, permissionsBoundary: unknownString };
    const diagnostics = await analyze("aws:iam/role:Role", roleUrn, props);
    expect(diagnostics.map((diagnostic) => [diagnostic.getPolicyname(), diagnostic.getEnforcementlevel(), diagnostic.getMessage()])).toEqual([
      ["boundary-on-team-roles", EnforcementLevel.ADVISORY, expect.stringContaining("can't run policy 'boundary-on-team-roles'")],
    ]);
  });
});
