// Compiled by `typecheck`, never run: each @ts-expect-error fails the build if its line starts to compile.
import { dataScientists } from "@ml-iam/contracts";
import { teamWorkflows } from "./team-workflows";

teamWorkflows(dataScientists, { actors: { person: "accessRoleArn" }, must: ["open-studio"], never: [] });

// @ts-expect-error an actor names an output of the stack's contract: jobRoleArn, not jobRole
teamWorkflows(dataScientists, { actors: { job: "jobRole" }, must: [], never: [] });

// @ts-expect-error workflows are the catalog's names
teamWorkflows(dataScientists, { actors: {}, must: ["train-on-a-laptop"], never: [] });

// @ts-expect-error actors are the parts a workflow knows: person, studio, job, pipeline, model, instance
teamWorkflows(dataScientists, { actors: { robot: "accessRoleArn" }, must: [], never: [] });
