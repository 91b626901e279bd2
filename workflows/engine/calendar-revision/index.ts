/** Published calendar revisions reaching running cases, as pure functions (docs/calendar-revisions.md). */
export { calendarRevisionOf, checkCalendarRevision, reviseCaseCalendar } from './revise-case-calendar';
export { calendarIdentityChanges, firstRevisedDate, revisedCalendar } from './revised-calendar';
export * from './calendar-revision-errors';
export type * from './calendar-revision-model';
export { calendarPublicationId, publicationProgress } from './calendar-publication';
export type * from './calendar-publication';
