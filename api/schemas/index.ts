/** zod schemas of every request and response of the HTTP contract; the OpenAPI document is generated from them. */
export * from './common-schemas';
export * from './problem-schemas';
export * from './case-schemas';
export * from './step-action-schemas';
export * from './case-action-schemas';
export * from './supervision-schemas';
export * from './ledger-schemas';
export * from './flow-schemas';
export * from './operations-schemas';
export * from './workbench-schemas';
export * from './migration-schemas';
export * from './calendar-schemas';
