/** A stack's plan failed: names the stack, the env, the file and key where known, and the problem. */
export class PlanError extends Error {
  constructor(
    readonly stackName: string,
    readonly env: string,
    readonly problem: string,
  ) {
    super(`plan of ${stackName} (${env}) failed: ${problem}`);
    this.name = "PlanError";
  }
}
