/** Thrown when calendar files are unreadable or invalid; `problems` lists each as `<file>: <path>: <message>`. */
export class CalendarInvalidError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid calendars (${problems.length} problems):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'CalendarInvalidError';
  }
}
