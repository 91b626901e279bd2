/** Every workflow the case worker runs. */
export { caseWorkflow } from './case-workflow';
