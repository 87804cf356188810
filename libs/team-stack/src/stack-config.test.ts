import * as pulumi from "@pulumi/pulumi";
import { bucketName } from "./config-schemas";
import { readStackConfig } from "./stack-config";
import { z } from "zod";

const validConfig = {
  "aws:region": "eu-west-1",
  "aws:allowedAccountIds": '["123456789012"]',
  "aws:defaultTags": JSON.stringify({ tags: { team: "data-scientists", env: "dev", repository: "acme/ml-iam" } }),
  "data-scientists:repository": "acme/ml-iam",
  "data-scientists:datasetBuckets": '["data-scientists-datasets"]',
};

async function withConfig(config: Record<string, string>) {
  pulumi.runtime.setAllConfig(config, []);
  await pulumi.runtime.setMocks({ newResource: () => ({ id: "x", state: {} }), call: () => ({}) }, "data-scientists", "dev", true);
}

const shape = { datasetBuckets: z.array(bucketName).min(1) };

describe("reading a team stack's config", () => {
  it("gives typed values and the stack's team, env, scope and names", async () => {
    await withConfig(validConfig);
    const { datasetBuckets, sharedAccount, stack } = readStackConfig(shape);
    expect(datasetBuckets).toEqual(["data-scientists-datasets"]);
    expect(sharedAccount).toBe(false);
    expect(stack).toMatchObject({
      team: "data-scientists",
      env: "dev",
      scope: { partition: "aws", region: "eu-west-1", account: "123456789012" },
      protect: false,
      repository: "acme/ml-iam",
    });
    expect(stack.names.path).toBe("/ml/data-scientists/");
  });

  it("reports every problem at once, naming the file and each key", async () => {
    await withConfig({
      ...validConfig,
      "aws:allowedAccountIds": '["1234"]',
      "data-scientists:datasetBuckets": '["data-scientists-ok", "Bad_Bucket"]',
      "data-scientists:datasetBucket": "typo",
    });
    expect(() => readStackConfig(shape)).toThrow(
      [
        "stack data-scientists: stacks/data-scientists/Pulumi.dev.yaml is invalid:",
        "  - data-scientists:datasetBuckets[1]: is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')",
        "  - data-scientists:datasetBucket: is not a config key of this stack (misspelled?)",
        "  - aws:allowedAccountIds.0: is not a 12-digit AWS account id",
      ].join("\n"),
    );
  });

  it("requires the team's buckets to be named for it and its repositories to sit under its prefix", async () => {
    await withConfig({
      ...validConfig,
      "data-scientists:datasetBuckets": '["data-scientists-raw", "ml-datasets"]',
      "data-scientists:ecrRepositories": '["data-scientists/training", "model-builders/training"]',
    });
    expect(() => readStackConfig({ ...shape, ecrRepositories: z.array(z.string()) })).toThrow(
      [
        "stack data-scientists: stacks/data-scientists/Pulumi.dev.yaml is invalid:",
        '  - data-scientists:datasetBuckets[1]: must be named for the team, data-scientists-…, got "ml-datasets"',
        '  - data-scientists:ecrRepositories[1]: must be under data-scientists/, got "model-builders/training"',
      ].join("\n"),
    );
  });

  it("requires the default tags to name the team and env", async () => {
    await withConfig({
      ...validConfig,
      "aws:defaultTags": JSON.stringify({ tags: { team: "someone-else", env: "dev", repository: "acme/ml-iam" } }),
    });
    expect(() => readStackConfig(shape)).toThrow('aws:defaultTags.tags.team: must be "data-scientists", got "someone-else"');
  });

  it("refuses a key in another namespace than the stack's own, aws and pulumi, suggesting the stack's", async () => {
    await withConfig({ ...validConfig, "data-scientist:members": '["alice"]', "pulumi:disable-default-providers": '["*"]' });
    expect(() => readStackConfig(shape)).toThrow(
      [
        "stack data-scientists: stacks/data-scientists/Pulumi.dev.yaml is invalid:",
        '  - data-scientist:members: "data-scientist" is not a config namespace of this stack (data-scientists, aws or pulumi): did you mean data-scientists:members?',
      ].join("\n"),
    );
  });

  it("refuses a region AWS's partitions data does not list, naming aws:region", async () => {
    await withConfig({ ...validConfig, "aws:region": "us-nowhere-9" });
    expect(() => readStackConfig(shape)).toThrow(
      "  - aws:region: is not a region in AWS's partitions data (e.g. us-east-1, cn-north-1, us-gov-west-1)",
    );
  });

  it("builds every ARN of a China region stack in the aws-cn partition, and refuses config ARNs of another", async () => {
    await withConfig({ ...validConfig, "aws:region": "cn-north-1" });
    const { stack } = readStackConfig(shape);
    expect(stack.scope.partition).toBe("aws-cn");
    const arns = [
      stack.arn.s3.bucket({ name: "data-scientists-datasets" }).value,
      stack.arn.iam.role({ path: stack.names.path, name: "data-scientists-access" }).value,
      stack.arn.sagemaker.trainingJob({ name: "data-scientists-job" }).value,
    ];
    const texts = await new Promise<string[]>((resolve) => pulumi.all(arns).apply(resolve));
    expect(texts.filter((arn) => !arn.startsWith("arn:aws-cn:"))).toEqual([]);

    await withConfig({
      ...validConfig,
      "aws:region": "cn-north-1",
      "data-scientists:kmsKeyArns": '["arn:aws:kms:us-east-1:123456789012:key/abcd-1234"]',
    });
    expect(() => readStackConfig({ ...shape, kmsKeyArns: z.array(z.string()) })).toThrow(
      '  - data-scientists:kmsKeyArns[0]: is in partition "aws", not the region\'s aws-cn: arn:aws:kms:us-east-1:123456789012:key/abcd-1234',
    );
  });

  it("refuses a list that names one user or bucket twice, naming the key and the repeat", async () => {
    await withConfig({
      ...validConfig,
      "data-scientists:users": '["alice", "bob", "alice", "Bob"]',
      "data-scientists:datasetBuckets": '["data-scientists-raw", "data-scientists-raw"]',
    });
    expect(() => readStackConfig({ ...shape, users: z.array(z.string()) })).toThrow(
      [
        "stack data-scientists: stacks/data-scientists/Pulumi.dev.yaml is invalid:",
        '  - data-scientists:datasetBuckets[1]: repeats "data-scientists-raw" again (first at [0]): list each once',
        '  - data-scientists:users[2]: repeats "alice" again (first at [0]): list each once',
        '  - data-scientists:users[3]: repeats "Bob", the same name as "bob" (first at [1]): list each once',
      ].join("\n"),
    );
  });
});
