/** Every workflow the case worker runs. */
export { caseWorkflow } from './case-workflow';
export { flowMigrationWorkflow } from './flow-migration-workflow';
export { calendarPublicationWorkflow } from './calendar-publication-workflow';
