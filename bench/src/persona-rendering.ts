import * as pulumi from "@pulumi/pulumi";
import { arnBuilders, checkAndRender, personas, type ResolvedStatement, type Statement } from "@ml-iam/iam";

const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };

function resolveStatements(statements: readonly Statement[]): Promise<ResolvedStatement[]> {
  const output = pulumi.output(statements as Statement[]) as unknown as { promise(): Promise<ResolvedStatement[]> };
  return output.promise();
}

/** Times building, resolving, validating and rendering every policy of each persona, in ms per persona. */
export async function timePersonaRendering(runs: number): Promise<Map<string, number[]>> {
  await pulumi.runtime.setMocks({ newResource: () => ({ id: "x", state: {} }), call: () => ({}) }, "bench", "bench", false);
  const arn = arnBuilders(scope);
  const resources = {
    jobRoles: [arn.iam.role({ name: "bench-job", path: "/ml/bench/" })],
    pipelineRoles: [arn.iam.role({ name: "bench-pipeline", path: "/ml/bench/" })],
    datasetBuckets: ["ml-datasets-bench"],
    artifactBuckets: ["ml-artifacts-bench"],
    studioDomainId: "d-abcdefghijkl",
    ecrRepositories: [arn.ecr.repository({ name: "bench/training" })],
    vpc: { subnets: [arn.ec2.subnet({ id: "subnet-0123456789abcdef0" })], securityGroups: [arn.ec2.securityGroup({ id: "sg-0123456789abcdef0" })] },
    kmsKeys: [arn.kms.key({ id: "1234abcd-12ab-34cd-56ef-1234567890ab" })],
  };
  const timings = new Map<string, number[]>();
  for (const [name, build] of Object.entries(personas)) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      const policies = build({ scope, team: "bench" }, resources);
      for (const policy of Object.values(policies).flat()) {
        checkAndRender(await resolveStatements(policy.statements), { name: `${name}/${policy.name}`, onWarning: () => undefined });
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    timings.set(name, times);
  }
  return timings;
}
