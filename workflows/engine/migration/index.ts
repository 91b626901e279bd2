/** Migrating a running case to another version of its flow, as pure functions (docs/migration.md). */
export { planMigration, type MigrateAction, type PlannedMigration } from './plan-migration';
export { previewMigration } from './preview-migration';
export { pairSteps } from './step-mapping';
export * from './migration-errors';
export type * from './migration-model';
export { migrationTarget } from './migration-target';
export { batchProgress, caseMigrationRequest } from './batch-migration';
export type * from './batch-migration';
