export { createChecksService, distinctSources, type ChecksService } from './checks-service';
export { checksReader } from './checks-reader';
export { checkJson, sourceJson } from './checks-presenter';
export { CheckJson, SourceJson } from './checks-responses';
export { CheckIdParam, CheckInput, CheckUpdateInput, sourcesFromForm } from './checks-schemas';
export type { Check, Source } from './checks-types';
