/** Why a case does not take a published calendar revision (the batch records it as the case's outcome). */

/** Thrown when a calendar revision does not apply to a case: another calendar, not newer, or closed. */
export class CalendarRevisionNotApplicableError extends Error {
  override readonly name = 'CalendarRevisionNotApplicableError';
}

/**
 * Thrown when a revision changes what a running case's days are measured in (time zone, weekend, working hours):
 * only the days (holidays, make-up workdays, special hours) of a new revision reach running cases.
 */
export class CalendarRevisionRefusedError extends Error {
  override readonly name = 'CalendarRevisionRefusedError';
}
