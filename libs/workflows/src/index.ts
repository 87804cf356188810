export { configuredPeople, MissingWorkflowInputError, TeamResources, type CentralResources, type TeamResourcesArgs } from "./team-resources";
export { parseTeamWorkflows, teamWorkflows, type PolicyProof, type TeamWorkflows, type TeamWorkflowsDeclaration } from "./team-workflows";
export { actorDescriptions, describeActor, workflowActors, type ServiceCaller, type Workflow, type WorkflowActor, type WorkflowContext, type WorkflowExpectation, type WorkflowStep } from "./workflow";
export { findWorkflow, workflowCatalog, type WorkflowName } from "./workflow-catalog";
export { buildWorkflow, defineWorkflow, type WorkflowDefinition } from "./workflow-definition";
export { personaWorkflows, type PersonaWorkflows, type WorkflowPersona } from "./persona-workflows";
