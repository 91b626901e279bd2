/**
 * A calendar file's content written as YAML in the layout of the files in config/calendars/: short lists and each
 * holiday rule on one line, days one per line, and every value that looks like a number, a time or a date quoted
 * (so that no YAML reader takes `08:30` or `2027-01-01` for a number or a timestamp).
 */
import { Document, isMap, isSeq, visit } from 'yaml';
import type { CurrentCalendarBody } from '../../../api/schemas';

/** A calendar file's keys, as the API answers a calendar's source. */
export type CalendarSource = NonNullable<CurrentCalendarBody['source']>;

const ONE_LINE_LISTS = ['workingHours', 'weekend', 'publishedYears'] as const;
const NUMBER_LIKE = /^[\d+\-.:]+$/;

/** The YAML text of `calendar`; parsing it gives `calendar` back. */
export function calendarYaml(calendar: CalendarSource, header: readonly string[] = []): string {
  const doc = new Document(calendar);
  for (const key of ONE_LINE_LISTS) {
    const list = doc.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  const rules = doc.get('holidayRules', true);
  if (isSeq(rules)) for (const rule of rules.items) if (isMap(rule)) rule.flow = true;
  visit(doc, {
    Scalar: (_, scalar) => {
      if (typeof scalar.value === 'string' && NUMBER_LIKE.test(scalar.value)) scalar.type = 'QUOTE_SINGLE';
    },
  });
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n') || null;
  return doc.toString({ lineWidth: 0, singleQuote: true, flowCollectionPadding: false });
}
