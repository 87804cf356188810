import { readTeamsRegistry } from "@ml-iam/team-stack";
import { listWorkspaceStacks } from "@ml-iam/plan";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { stackWaves } from "./affected-waves";

const root = join(__dirname, "../../..");
const workflowsDir = join(root, ".github/workflows");

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
}

interface Job {
  name?: string;
  needs?: string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: string;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  strategy?: { "fail-fast"?: boolean; matrix: { include: string } };
  env?: Record<string, string>;
  "timeout-minutes"?: number;
  secrets?: Record<string, string>;
  outputs?: Record<string, string>;
  uses?: string;
  with?: Record<string, string>;
  steps?: Step[];
}

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

const files = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file)).sort();
const workflows = new Map(files.map((file) => [file, parse(readFileSync(join(workflowsDir, file), "utf8")) as Workflow]));

function workflow(file: string): Workflow {
  const found = workflows.get(file);
  if (!found) throw new Error(`.github/workflows/${file} is missing`);
  return found;
}

function step(job: Job, name: string): Step {
  const found = job.steps?.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no step named ${JSON.stringify(name)}`);
  return found;
}

/** Jobs of a workflow whose id starts with a prefix, in wave order. */
function waveJobs(file: string, prefix: string): [string, Job][] {
  return Object.entries(workflow(file).jobs)
    .filter(([id]) => id.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
}

/** Every `uses:` line of the workflows and the local composite actions, with its file. */
function usesLines(): { file: string; line: string }[] {
  const actionFiles = readdirSync(join(root, ".github/actions")).map((name) => `.github/actions/${name}/action.yml`);
  return [...files.map((file) => `.github/workflows/${file}`), ...actionFiles].flatMap((file) =>
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .filter((line) => /^\s*(- )?uses:/.test(line))
      .map((line) => ({ file, line: line.replace(/^\s*(- )?uses:\s*/, "") })),
  );
}

const registry = readTeamsRegistry();
const registryEnvs = [...new Set(registry.teams.flatMap((team) => team.envs))];

describe("the workflows", () => {
  it("are the ones this test knows", () => {
    expect(files).toEqual(["deploy-env.yml", "deploy-stack.yml", "deploy.yml", "drift.yml", "preview-stack.yml", "pull-request.yml"]);
  });

  it.each(files)("%s grants no permission at the top and each job only what it needs", (file) => {
    const { permissions, jobs } = workflow(file);
    expect(permissions).toEqual({});
    for (const [id, job] of Object.entries(jobs)) {
      expect([id, job.permissions?.contents]).toEqual([id, expect.stringMatching(/^(read|write)$/)]);
      // Writing repository contents is for moving the deployed/<env> tag only.
      // The deploy workflow's env jobs are named for the registry's envs (dev, prod, the identity stack's org).
      if (job.permissions?.contents === "write") expect([file, id]).toContainEqual(expect.stringMatching(new RegExp(`^(mark-deployed|${registryEnvs.join("|")})$`)));
      const assumesRole = (job.steps ?? []).some((candidate) => candidate.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      const callsStackWorkflow = /preview-stack|deploy-stack|deploy-env/.test(job.uses ?? "");
      expect([id, job.permissions?.["id-token"] === "write"]).toEqual([id, assumesRole || callsStackWorkflow]);
    }
  });

  it("pin every action to a commit SHA with its version beside it", () => {
    const problems = usesLines().filter(({ line }) => !line.startsWith("./") && !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line));
    expect(problems).toEqual([]);
  });

  it("bound every job on a runner with timeout-minutes, so a hanging step cannot hold a runner or a deploy group for six hours", () => {
    const unbounded = [...workflows].flatMap(([file, { jobs }]) =>
      Object.entries(jobs)
        .filter(([, job]) => job.uses === undefined && job["timeout-minutes"] === undefined)
        .map(([id]) => `${file}: ${id}`),
    );
    expect(unbounded).toEqual([]);
  });

  it("give the Pulumi token to the one step that runs pulumi, never to a job, and never to a pull request's preview", () => {
    for (const [file, { jobs, env }] of workflows) {
      expect([file, env ?? {}]).not.toEqual([file, expect.objectContaining({ PULUMI_ACCESS_TOKEN: expect.anything() })]);
      for (const [id, job] of Object.entries(jobs)) {
        expect([file, id, job.env ?? {}]).not.toEqual([file, id, expect.objectContaining({ PULUMI_ACCESS_TOKEN: expect.anything() })]);
      }
    }
    const preview = readFileSync(join(workflowsDir, "preview-stack.yml"), "utf8");
    expect(preview).not.toMatch(/secrets\.PULUMI_ACCESS_TOKEN/);
    expect(preview).toMatch(/requested_token_type: "urn:pulumi:token-type:access_token:team"/);
    const previewCalls = Object.values(workflow("pull-request.yml").jobs).filter((job) => job.uses === "./.github/workflows/preview-stack.yml");
    expect(previewCalls.length).toBeGreaterThan(0);
    for (const call of previewCalls) expect(call.secrets).toBeUndefined();
  });

  it("install without install scripts, before any credential exists", () => {
    const setup = readFileSync(join(root, ".github/actions/setup-workspace/action.yml"), "utf8");
    expect(setup).toMatch(/npm ci --ignore-scripts/);
    for (const [file, { jobs }] of workflows) {
      for (const [id, job] of Object.entries(jobs)) {
        const steps = job.steps ?? [];
        const setupAt = steps.findIndex((candidate) => candidate.uses === "./.github/actions/setup-workspace");
        const credentialsAt = steps.findIndex((candidate) => candidate.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        if (credentialsAt >= 0) expect([file, id, setupAt >= 0 && setupAt < credentialsAt]).toEqual([file, id, true]);
      }
    }
  });

  it("print no secret: secrets only go into env and with, never into a command line", () => {
    for (const [file, { jobs }] of workflows) {
      for (const [id, job] of Object.entries(jobs)) {
        for (const candidate of job.steps ?? []) expect([file, id, candidate.run ?? ""]).not.toEqual([file, id, expect.stringMatching(/secrets\.|github\.token/)]);
      }
    }
  });

  it("install the Pulumi CLI of the SDK version the stacks are locked to", () => {
    const sdk = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["@pulumi/pulumi"];
    const installs = [...workflows.values()].flatMap(({ jobs }) => Object.values(jobs).flatMap((job) => job.steps ?? [])).filter((candidate) => candidate.uses?.startsWith("pulumi/actions@"));
    expect(installs).toHaveLength(3);
    for (const install of installs) expect(install.with).toEqual({ "pulumi-version": sdk });
  });

  it("pass each called workflow every input it requires and none it does not declare", () => {
    for (const [file, { jobs }] of workflows) {
      for (const [id, job] of Object.entries(jobs)) {
        if (!job.uses?.startsWith("./.github/workflows/")) continue;
        const called = workflow(job.uses.replace("./.github/workflows/", "")).on.workflow_call as { inputs: Record<string, { required?: boolean }> };
        const declared = Object.keys(called.inputs);
        const required = declared.filter((name) => called.inputs[name]!.required);
        const passed = Object.keys(job.with ?? {});
        expect([file, id, passed.filter((name) => !declared.includes(name))]).toEqual([file, id, []]);
        expect([file, id, required.filter((name) => !passed.includes(name))]).toEqual([file, id, []]);
      }
    }
  });
});

describe("the pull request workflow", () => {
  const pr = workflow("pull-request.yml");

  it("runs lint, typecheck, test and plan of the affected projects against the merge base, with the Nx cache", () => {
    const verify = pr.jobs.verify!;
    expect(step(verify, "Find the merge base").run).toBe('echo "sha=$(git merge-base "origin/${BASE_REF}" HEAD)" >> "$GITHUB_OUTPUT"');
    const affected = step(verify, "Lint, typecheck, test and plan the affected projects");
    expect(affected.run).toBe('npx nx affected -t lint typecheck test plan --base="${BASE}" --head=HEAD');
    expect(affected.env).toEqual({ BASE: "${{ steps.base.outputs.sha }}" });
    expect(step(verify, "Restore the Nx cache").with?.path).toBe(".nx/cache");
    expect(verify.steps![0]!.with).toMatchObject({ "fetch-depth": 0 });
  });

  it("previews each stack with only its own preview target, in the stack and env of its matrix job", () => {
    const preview = workflow("preview-stack.yml").jobs.preview!;
    const run = step(preview, "Preview").run ?? "";
    expect(run.startsWith("set -o pipefail\n")).toBe(true);
    expect(run.endsWith('\nnpx nx run "${STACK}:preview" --exclude-task-dependencies --env="${STACK_ENV}" 2>&1 | tee "${RUNNER_TEMP}/preview.txt"\n')).toBe(true);
    expect(run.match(/npx /g)).toHaveLength(1);
    expect(preview.env).toMatchObject({ STACK: "${{ inputs.stack }}", STACK_ENV: "${{ inputs.env }}" });
    expect(step(preview, "Assume the preview role").with?.["role-to-assume"]).toBe("${{ vars[inputs.role-variable] }}");
    for (const [id, job] of waveJobs("pull-request.yml", "preview-wave-")) {
      expect([id, job.with]).toEqual([id, { stack: "${{ matrix.stack }}", env: "${{ matrix.env }}", "role-variable": "${{ matrix.previewRoleVariable }}" }]);
    }
  });

  it("comments each preview, outcome included, under its own key", () => {
    const comment = step(workflow("preview-stack.yml").jobs.preview!, "Comment the preview on the pull request");
    expect(comment.if).toBe("always() && steps.preview.outcome != 'skipped' && github.event_name == 'pull_request'");
    expect(comment.run).toBe(
      'node -r @swc-node/register tools/ci/src/post-pr-comment.ts preview --pr "${PR_NUMBER}" --commit "${HEAD_SHA}" ' +
        '--stack "${STACK}" --env "${STACK_ENV}" --outcome "${OUTCOME}" --output "${RUNNER_TEMP}/preview.txt"',
    );
  });

  it("gives pull requests from forks no preview and no comment, and says so in the summary", () => {
    expect(pr.env?.TRUSTED).toBe(
      "${{ github.event.pull_request.head.repo.full_name == github.repository && github.event.pull_request.user.login != 'dependabot[bot]' }}",
    );
    for (const [id, job] of waveJobs("pull-request.yml", "preview-wave-")) expect([id, job.if]).toEqual([id, expect.stringMatching(/^needs\.waves\.outputs\.trusted == 'true' && /)]);
    expect(step(pr.jobs.waves!, "Say that a fork's pull request gets no previews")).toMatchObject({ if: "env.TRUSTED != 'true'", run: expect.stringContaining('>> "$GITHUB_STEP_SUMMARY"') });
    expect(step(pr.jobs["access-diff"]!, "Comment the access diff on the pull request").if).toBe("env.TRUSTED == 'true'");
  });

  it("diffs access against the merge base in every env, into the job summary and one comment", () => {
    const job = pr.jobs["access-diff"]!;
    expect(step(job, "Diff the access of the merge base and the pull request, per env").run).toContain(
      'npx ml-iam access-diff --base "${BASE}" --env "${env}" --markdown > "dist/access-diff/${env}.md"',
    );
    expect(step(job, "Write the access diff to the job summary").run).toBe('cat dist/access-diff/*.md >> "$GITHUB_STEP_SUMMARY"');
    expect(step(job, "Comment the access diff on the pull request").run).toContain("post-pr-comment.ts sections --pr \"${PR_NUMBER}\" \\\n  --key access-diff");
  });
});

describe("the waves", () => {
  const stacks = listWorkspaceStacks(root).map((stack) => ({ name: stack.name, upstream: stack.upstream }));
  const deepest = stackWaves(stacks, stacks.map((stack) => stack.name)).length;

  it.each([
    ["pull-request.yml", "preview-wave-", "waves"],
    ["deploy-env.yml", "deploy-wave-", "waves"],
  ])("%s has a job per wave, each after the one before, as many as --max-waves says and the stack graph needs", (file, prefix, wavesJob) => {
    const jobs = waveJobs(file, prefix);
    const waves = workflow(file).jobs[wavesJob]!;
    const maxWaves = [...JSON.stringify(waves.steps).matchAll(/--max-waves=(\d+)/g)].map((match) => Number(match[1]));
    expect(new Set(maxWaves)).toEqual(new Set([jobs.length]));
    expect(jobs.length).toBeGreaterThanOrEqual(deepest);
    expect(Object.keys(waves.outputs ?? {}).filter((name) => name.startsWith("wave"))).toEqual(jobs.map((_, index) => `wave${index}`));
    jobs.forEach(([id, job], index) => {
      expect([id, job.needs]).toEqual([id, index === 0 ? [wavesJob] : [wavesJob, jobs[index - 1]![0]]]);
      expect([id, job.strategy]).toEqual([id, { "fail-fast": false, matrix: { include: `\${{ fromJSON(needs.${wavesJob}.outputs.wave${index}) }}` } }]);
      expect([id, job.if]).toEqual([id, expect.stringContaining(`needs.${wavesJob}.outputs.wave${index} != '[]'`)]);
    });
  });
});

describe("the deploy workflows", () => {
  it("deploy each env of the teams registry in turn after the whole workspace passes", () => {
    const { on, jobs, concurrency } = workflow("deploy.yml");
    expect(on.push).toEqual({ branches: ["main"] });
    expect(concurrency).toEqual({ group: "deploy", "cancel-in-progress": false });
    expect(jobs.verify!.steps!.map((candidate) => candidate.run).filter(Boolean)).toEqual(["npx nx run-many -t lint typecheck test plan"]);
    const envJobs = Object.entries(jobs).filter(([, job]) => job.uses === "./.github/workflows/deploy-env.yml");
    expect(envJobs.map(([, job]) => job.with?.env)).toEqual(registryEnvs);
    envJobs.forEach(([id, job], index) => expect([id, job.needs]).toEqual([id, [index === 0 ? "verify" : envJobs[index - 1]![0]]]));
  });

  it("deploy each stack with only its own up target, in its GitHub environment, one deploy of a stack and env at a time", () => {
    const up = workflow("deploy-stack.yml").jobs.up!;
    expect(step(up, "Deploy").run).toBe('npx nx run "${STACK}:up" --exclude-task-dependencies --env="${STACK_ENV}"');
    expect(up.env).toMatchObject({ STACK: "${{ inputs.stack }}", STACK_ENV: "${{ inputs.env }}" });
    expect(up.environment).toBe("${{ inputs.stack }}-${{ inputs.env }}");
    expect(up.concurrency).toEqual({ group: "deploy-${{ inputs.stack }}-${{ inputs.env }}", "cancel-in-progress": false });
    expect(step(up, "Assume the deploy role").with?.["role-to-assume"]).toBe("${{ vars.DEPLOY_ROLE_ARN }}");
  });

  it("deploy what changed since deployed/<env>, and move the tag only when no wave failed", () => {
    const { jobs } = workflow("deploy-env.yml");
    const waves = step(jobs.waves!, "Group the stacks into waves").run!;
    expect(waves).toContain('print-affected-waves.ts --base="${BASE}" --head=HEAD --env="${STACK_ENV}" --max-waves=3');
    expect(waves).toContain('print-affected-waves.ts --all --env="${STACK_ENV}" --max-waves=3');
    expect(step(jobs.waves!, "Find the last deployed commit").run).toContain('tag="refs/tags/deployed/${STACK_ENV}"');
    const mark = jobs["mark-deployed"]!;
    expect(mark.needs).toEqual(["waves", ...waveJobs("deploy-env.yml", "deploy-wave-").map(([id]) => id)]);
    expect(mark.if).toBe("${{ !cancelled() && !contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') }}");
    expect(step(mark, "Move the tag").run).toBe('git tag --force "deployed/${STACK_ENV}" "${GITHUB_SHA}"\ngit push --force origin "refs/tags/deployed/${STACK_ENV}"\n');
  });
});

describe("the drift check", () => {
  const { on, jobs } = workflow("drift.yml");

  it("runs on a schedule over every stack and env", () => {
    expect(on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \S+ \S+ \S+$/) }]);
    expect(step(jobs.stacks!, "List the stacks and envs").run).toBe("node -r @swc-node/register tools/ci/src/print-affected-waves.ts --all --max-waves=3");
    expect(jobs.drift!.strategy).toEqual({ "fail-fast": false, matrix: { include: "${{ fromJSON(needs.stacks.outputs.matrix) }}" } });
  });

  it("refreshes and previews each stack expecting no changes, and names the stack when it fails", () => {
    const drift = jobs.drift!;
    expect(drift.name).toBe("Drift of ${{ matrix.stack }} (${{ matrix.env }})");
    expect(drift.env).toMatchObject({ STACK: "${{ matrix.stack }}", STACK_ENV: "${{ matrix.env }}" });
    expect(step(drift, "Refresh and preview, expecting no changes").run).toBe(
      'npx nx run "${STACK}:preview" --exclude-task-dependencies --env="${STACK_ENV}" --expectNoChanges --extraArgs=--refresh',
    );
    const report = step(drift, "Name the drifted stack");
    expect(report.if).toBe("failure() && steps.drift.outcome == 'failure'");
    expect(report.run).toContain("::error title=Drift in ${STACK} (${STACK_ENV})::");
  });
});
