import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error";

/** Parses a command's options strictly, without positionals; a bad argument is a UsageError. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Parses a command's options strictly, and the names it takes as positionals; a bad argument is a UsageError. */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
