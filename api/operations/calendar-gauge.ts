/** The Prometheus gauge of how many days each calendar's published holiday arrangement still covers. */
import { Gauge, type Registry } from 'prom-client';
import { publishedYearsStatus } from '../../config/calendars/published-years';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';

/**
 * Registers `fullcycle_calendar_published_days_left{calendar}`: whole days until the calendar's last published year
 * ends (negative once past), read at each scrape. Calendars without published years have no series.
 */
export function registerCalendarGauge(
  registry: Registry,
  calendars: ReadonlyMap<string, WorkingCalendar>,
  now: () => number = Date.now,
): void {
  new Gauge({
    name: 'fullcycle_calendar_published_days_left',
    help: "Days until the end of the calendar's last year with a published holiday arrangement",
    labelNames: ['calendar'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const status of publishedYearsStatus(calendars.values(), now())) {
        this.set({ calendar: status.calendar }, status.daysLeft);
      }
    },
  });
}
