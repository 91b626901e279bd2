/**
 * Published revisions of working calendars (docs/calendar-revisions.md): numbered 1, 2, … per calendar, each
 * the calendar as cases pin it (rules already expanded), who published it and when, and a digest of its content
 * so that publishing the same content again names the same revision. New cases start on the latest.
 */
import type { WorkingCalendar } from '../workflows/engine/calendar-model';
import type { CalendarRevisionsTable } from './ledger-tables';
import type { Ledger } from './open-ledger';

/** A published revision as stored. */
export interface PublishedCalendar {
  readonly calendar: WorkingCalendar & { readonly revision: number };
  /** sha256 of the calendar's content (without its revision number), hex. */
  readonly digest: string;
  /** Epoch ms. */
  readonly publishedAt: number;
  readonly publishedBy: string;
  /**
   * The calendar file's content as published (its keys, holiday rules not expanded): what the next revision starts
   * from. Absent for revisions published before the ledger kept it.
   */
  readonly source?: CalendarSource;
}

/** A calendar file's content as parsed (YAML or JSON): its keys, holiday rules not expanded. */
export type CalendarSource = Readonly<Record<string, unknown>>;

type Row = CalendarRevisionsTable;

function fromRow(row: Row): PublishedCalendar {
  const calendar = JSON.parse(row.working_calendar) as WorkingCalendar;
  return {
    calendar: { ...calendar, revision: Number(row.revision) },
    digest: row.digest,
    publishedAt: Number(row.published_at),
    publishedBy: row.published_by,
    ...(row.source === null ? {} : { source: JSON.parse(row.source) as CalendarSource }),
  };
}

/**
 * Stores `calendar` as the next revision of its name, unless its content is that of the latest revision: then
 * answers the latest (`created: false`), so that a repeated publication starts nothing new.
 */
export async function publishCalendarRevision(
  ledger: Ledger,
  publication: {
    readonly calendar: WorkingCalendar;
    /** Of the calendar's content without its revision number (the API's `calendarDigest`). */
    readonly digest: string;
    readonly publishedBy: string;
    readonly publishedAt: number;
    /** The calendar file's content it was built from. */
    readonly source: CalendarSource;
  },
): Promise<{ readonly published: PublishedCalendar; readonly created: boolean }> {
  const { revision: _revision, ...calendar } = publication.calendar;
  const { digest } = publication;
  return ledger.db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('calendar_revisions')
      .selectAll()
      .where('calendar', '=', calendar.name)
      .orderBy('revision', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest !== undefined && latest.digest === digest)
      return { published: fromRow(latest), created: false };
    const row: Row = {
      calendar: calendar.name,
      revision: Number(latest?.revision ?? 0) + 1,
      digest,
      published_at: publication.publishedAt,
      published_by: publication.publishedBy,
      working_calendar: JSON.stringify(calendar),
      source: JSON.stringify(publication.source),
    };
    await trx.insertInto('calendar_revisions').values(row).execute();
    return { published: fromRow(row), created: true };
  });
}

/** The latest published revision of every calendar that has one (a few a year: read them all). */
export async function latestCalendarRevisions(ledger: Ledger): Promise<PublishedCalendar[]> {
  const rows = await ledger.db
    .selectFrom('calendar_revisions')
    .selectAll()
    .orderBy('calendar')
    .orderBy('revision')
    .execute();
  const latest = new Map<string, Row>();
  for (const row of rows) latest.set(row.calendar, row);
  return [...latest.values()].map(fromRow);
}

/**
 * The number of the latest published revision of every calendar that has one: one small query over the primary
 * key, no calendar content, cheap enough to run before every case start (docs/calendar-revisions.md).
 */
export async function latestCalendarRevisionNumbers(ledger: Ledger): Promise<Map<string, number>> {
  const rows = await ledger.db
    .selectFrom('calendar_revisions')
    .select(({ fn }) => ['calendar', fn.max('revision').as('revision')])
    .groupBy('calendar')
    .execute();
  return new Map(rows.map((row) => [row.calendar, Number(row.revision)]));
}

/** One published revision, or undefined. */
export async function readCalendarRevision(
  ledger: Ledger,
  calendar: string,
  revision: number,
): Promise<PublishedCalendar | undefined> {
  const row = await ledger.db
    .selectFrom('calendar_revisions')
    .selectAll()
    .where('calendar', '=', calendar)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}
