/**
 * Publishing a revision of a working calendar (docs/calendar-revisions.md): the calendar file as JSON, the
 * revision with the progress of its publication to running cases, and a calendar as new cases now pin it.
 */
import { z } from 'zod';
import { TimestampSchema } from './common-schemas';
import { decimalIntegerParam } from './decimal-text';

const CalendarNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .meta({ description: 'The calendar, named as its file', example: 'cn-mainland' });

export const CalendarParamsSchema = z.object({ calendar: CalendarNameSchema });

export const CalendarRevisionParamsSchema = z.object({
  calendar: CalendarNameSchema,
  revision: decimalIntegerParam({ min: 1 }).meta({ description: 'The revision number', example: 2 }),
});

/** The calendar file's content as JSON; checked as the file would be at start (422 with each problem located). */
export const CalendarFileSchema = z.record(z.string(), z.unknown()).meta({
  id: 'CalendarFile',
  description:
    "A calendar file's content as JSON (docs/api.md, Calendars): the same keys, checked the same way; only its days may differ from the calendar running cases are on",
  example: {
    name: 'cn-mainland',
    timezone: 'Asia/Shanghai',
    workingHours: [
      ['08:30', '12:00'],
      ['14:00', '17:30'],
    ],
    weekend: ['sat', 'sun'],
    holidays: ['2027-01-01', '2027-02-16'],
    workdays: ['2027-02-07'],
  },
});

const OutcomeSchema = z.union([
  z.object({ caseId: z.string(), outcome: z.literal('revised'), moved: z.number().int() }),
  z.object({
    caseId: z.string(),
    outcome: z.enum(['skipped', 'refused', 'failed']),
    reason: z.string(),
  }),
]);

export const CalendarPublicationProgressSchema = z
  .object({
    calendar: z.string(),
    revision: z.number().int(),
    publishedBy: z.string(),
    publishedAt: TimestampSchema,
    status: z.enum(['selecting', 'revising', 'completed']),
    selected: z.number().int(),
    done: z.number().int(),
    counts: z.object({
      revised: z.number().int(),
      skipped: z.number().int(),
      refused: z.number().int(),
      failed: z.number().int(),
    }),
    cases: z.array(OutcomeSchema).readonly().meta({
      description:
        'Each case: revised (with how many deadlines moved), skipped (another calendar, already on this revision, closed), refused, failed',
    }),
  })
  .meta({ id: 'CalendarPublicationProgress' });

export const CalendarRevisionSchema = z
  .object({
    calendar: z.string(),
    revision: z.number().int().meta({ description: 'Numbered 1, 2, … per calendar' }),
    digest: z.string().meta({ description: "sha256 of the revision's content" }),
    publishedBy: z.string(),
    publishedAt: TimestampSchema,
    publication: CalendarPublicationProgressSchema.nullable().meta({
      description: 'Its batch over running cases; null once Temporal no longer keeps it',
    }),
  })
  .meta({ id: 'CalendarRevision', description: 'A published revision of a working calendar' });
export type CalendarRevisionBody = z.infer<typeof CalendarRevisionSchema>;

export const CurrentCalendarSchema = z
  .object({
    calendar: z.string(),
    timezone: z.string().meta({ description: "The calendar's IANA time zone", example: 'Asia/Shanghai' }),
    revision: z
      .number()
      .int()
      .meta({ description: 'The latest published revision; 0 when none was published (the file as loaded)' }),
    digest: z
      .string()
      .optional()
      .meta({ description: "sha256 of the revision's content (published revisions)" }),
    publishedBy: z.string().optional(),
    publishedAt: TimestampSchema.optional(),
    source: CalendarFileSchema.nullable().meta({
      description:
        "What that revision was published from (or the file's content for revision 0): the calendar file's keys, holiday rules not expanded, ready to change and publish as the next revision. null for a revision published before the API kept it, of a calendar with holiday rules",
    }),
  })
  .meta({
    id: 'CurrentCalendar',
    description: 'A working calendar as new cases now pin it: its latest published revision, or its file',
  });
export type CurrentCalendarBody = z.infer<typeof CurrentCalendarSchema>;
