import { dataScientist } from "./data-scientist";
import { modelBuilder } from "./model-builder";
import type { PersonaBuilder } from "./persona";
import { readOnlyMlUser } from "./read-only-ml-user";
import { sageMakerCompute } from "./sagemaker-compute";

/** Every persona by the name team definitions give it; the team generator looks personas up here. */
export const personas = {
  "data-scientist": dataScientist,
  "model-builder": modelBuilder,
  "sagemaker-compute": sageMakerCompute,
  "read-only-ml-user": readOnlyMlUser,
} as const satisfies Record<string, PersonaBuilder>;

/** The name of a persona in {@link personas}. */
export type PersonaName = keyof typeof personas;
