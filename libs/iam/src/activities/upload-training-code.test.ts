import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { uploadTrainingCode } from "./upload-training-code";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("uploadTrainingCode", () => {
  it("uploads only where the SageMaker SDK puts the code of the team's jobs, in every given bucket", async () => {
    expect(await render(uploadTrainingCode(context, { buckets: ["ds-artifacts", pulumi.output("ds-code")] }))).toEqual([
      {
        Sid: "UploadTrainingCode",
        Effect: "Allow",
        Action: ["s3:AbortMultipartUpload", "s3:PutObject"],
        Resource: ["arn:aws:s3:::ds-artifacts/ds-*/source/*", "arn:aws:s3:::ds-code/ds-*/source/*"],
      },
    ]);
  });

  it("neither reads, deletes nor lists: what jobs wrote stays out of reach", async () => {
    const [statement] = await render(uploadTrainingCode(context, { buckets: ["ds-artifacts"] }));
    expect(([] as string[]).concat(statement?.Action ?? []).filter((action) => /Get|Delete|List/.test(action))).toEqual([]);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(uploadTrainingCode(context, { buckets: ["ds-artifacts"] })), { kind: "identity" })).toEqual([]);
  });

  it("rejects an empty bucket list rather than rendering a statement without resources", () => {
    expect(() => uploadTrainingCode(context, { buckets: [] })).toThrow(/at least one bucket/);
  });

  it("rejects a team name that could not prefix job names", () => {
    expect(() => uploadTrainingCode({ scope, team: "Ds" }, { buckets: ["ds-artifacts"] })).toThrow(/team must be kebab-case/);
  });
});
