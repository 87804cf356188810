export { AdoptionInputError } from "./adoption-input-error";
export { adoptionAliases, type AdoptionAliases, type AliasEntry } from "./adoption-aliases";
export { parseAdoptionMapping, type AdoptionMapping } from "./adoption-mapping";
export {
  countByStatus,
  planAdoption,
  type AdoptedResource,
  type AdoptionInput,
  type AdoptionReport,
  type AdoptionStatus,
  type CreatedResource,
  type ExistingReference,
  type PlannedReference,
  type ResourceAdoption,
  type UnmanagedResource,
} from "./adoption-plan";
export { parseExistingResources, type ExistingInventory, type ExistingResource } from "./existing-resources";
export { pulumiImportFile, type PulumiImportFile, type PulumiImportResource } from "./import-file";
export { diffInputs, type ExistingInputs, type PropertyChange } from "./input-diff";
export { grantText, policyChange, writtenGrants, type PolicyChange, type WrittenGrant } from "./policy-change";
export { renderAdoptionMarkdown, renderAdoptionText, summarizeAdoption, type AdoptionFiles } from "./render-adoption-report";
