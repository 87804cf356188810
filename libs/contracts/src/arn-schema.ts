import { z } from "zod";

/** An ARN output: any partition, never a bare name. */
export const arnSchema = z.string().regex(/^arn:aws[a-z-]*:/, "must be an ARN (arn:<partition>:...)");
