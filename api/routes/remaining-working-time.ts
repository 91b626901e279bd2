/**
 * Remaining working time of an inbox item (addition): the working minutes from now until its deadline on the
 * calendar its case runs on, negative when past it. The calendar is the flow's: a case pins the calendar its flow
 * names, so when every version of the flow names the same calendar that is the case's; otherwise (or for an unknown
 * flow) the item carries no remaining time rather than a guess. With it goes `dueProvisional` when that working
 * time runs through a year whose holiday arrangement the calendar does not list yet.
 */
import type { ServiceData } from '../../config/load-service-data';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { provisionalNote, workingMillisBetween } from '../../workflows/engine/time';

const MINUTE = 60_000;

/** The calendar of every case of `flowId`, when all its versions agree on one that is loaded. */
export function flowCalendar(service: ServiceData, flowId: string): WorkingCalendar | undefined {
  const names = new Set(
    service.flows
      .list()
      .filter((item) => item.id === flowId)
      .map((item) => service.flows.get(item.id, item.version)?.calendar),
  );
  const [name] = names;
  return names.size === 1 && name !== undefined ? service.calendars.get(name) : undefined;
}

/** Working minutes from `now` to `dueAt` (RFC 3339), rounded toward zero; negative: working minutes overdue. */
export function remainingWorkingMinutes(calendar: WorkingCalendar, now: number, dueAt: string): number {
  return Math.trunc(workingMillisBetween(calendar, now, Date.parse(dueAt)) / MINUTE);
}

/**
 * `item` with its remaining working time (and why that is provisional, if it is), when it has a deadline and its
 * flow's calendar is known.
 */
export function withRemainingWorkingTime<T extends { flowId: string; dueAt?: string }>(
  service: ServiceData,
  now: number,
): (item: T) => T & { remainingWorkingMinutes?: number; dueProvisional?: string } {
  const calendars = new Map<string, WorkingCalendar | undefined>();
  return (item) => {
    if (!calendars.has(item.flowId)) calendars.set(item.flowId, flowCalendar(service, item.flowId));
    const calendar = calendars.get(item.flowId);
    if (calendar === undefined || item.dueAt === undefined) return item;
    const remaining = {
      ...item,
      remainingWorkingMinutes: remainingWorkingMinutes(calendar, now, item.dueAt),
    };
    const provisional = provisionalNote(calendar, now, Date.parse(item.dueAt));
    return provisional === undefined ? remaining : { ...remaining, dueProvisional: provisional };
  };
}
