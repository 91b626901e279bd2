/**
 * Working calendars and working-time arithmetic: pure and deterministic, safe inside Temporal workflows.
 */
export { parseDuration } from './parse-duration';
export { addDuration, instantAfter } from './add-duration';
export type { Deadline, SkippedDays } from './add-duration';
export { addWorkingMillis, workingMillisBetween, isWorkingTime, nextWorkingMoment } from './working-time';
export { formatInstant, parseInstant } from './instants';
export { workingDayMillis } from './working-days';
export { provisionalNote } from './provisional';
export {
  CalendarNoWorkingTimeError,
  DurationInvalidError,
  InstantInvalidError,
  TimezoneInvalidError,
  WorkingPeriodInvalidError,
} from './time-errors';
export type { CountFacts, SpecialDay } from './count-facts';
export { explainDeadline } from './explain-deadline';
export type { CalendarNaming } from './explain-deadline';
export { explainDeadlineZh, describeProvisionalZh } from './explain-deadline-zh';
export { describeLocal, describeLocalZh } from './instants';
