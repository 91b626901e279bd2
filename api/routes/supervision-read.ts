/**
 * Reading supervision answers out of search attributes: one stalled item per case, and the summary counts over
 * every page of a visibility query (bounded, so one request cannot walk an unbounded history).
 */
import { STAGES, type Stage } from '../../workflows/engine/flow-model';
import { formatInstant } from '../../workflows/engine/time';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';
import type { CaseListPage } from '../cases/case-gateway';
import { readAllPages } from '../cases/read-all-pages';
import type { StalledItem } from '../schemas';
import type { RouteDependencies } from './route-context';

/** Pages of 500 read for one summary at most; beyond that the counts are partial and a warning is logged. */
export const SUMMARY_MAX_PAGES = 40;

/** A stalled item from one case's search attributes. */
export function stalledItemOf(item: CaseListPage['items'][number], timezone: string): StalledItem {
  const { attributes } = item;
  const time = (at: Date | undefined) =>
    at === undefined ? undefined : formatInstant(at.getTime(), timezone);
  const nextDueAt = time(attributes.get(SA.nextDueAt));
  return {
    caseId: item.caseId,
    flowId: attributes.get(SA.flowId) ?? '',
    stage: (attributes.get(SA.stage) ?? 'assessment') as Stage,
    region: attributes.get(SA.region) ?? '',
    waitingOn: attributes.get(SA.waitingOn) ?? [],
    ...(nextDueAt === undefined ? {} : { nextDueAt }),
    overdue: attributes.get(SA.overdue) ?? false,
    lastProgressAt: time(attributes.get(SA.lastProgressAt)) ?? '',
  };
}

/** Counts of open cases by stage and of overdue cases by waiting department, over every page of `query`. */
export async function summarize(
  deps: RouteDependencies,
  query: string,
): Promise<{
  asOf: string;
  totals: { openByStage: Record<Stage, number>; overdueByDepartment: Record<string, number> };
  /** True when the page limit stopped the count before the last page. */
  partial: boolean;
}> {
  const openByStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const overdueByDepartment: Record<string, number> = {};
  const asOf = formatInstant(deps.now(), deps.timezone);
  const { items, partial } = await readAllPages(deps.gateway, query, SUMMARY_MAX_PAGES);
  if (partial)
    deps.logger.warn({ pages: SUMMARY_MAX_PAGES }, 'Supervision summary stopped at its page limit');
  for (const { attributes } of items) {
    const stage = attributes.get(SA.stage) as Stage | undefined;
    if (stage !== undefined && stage in openByStage) openByStage[stage] += 1;
    if (attributes.get(SA.overdue) !== true) continue;
    for (const dept of attributes.get(SA.waitingOn) ?? []) {
      overdueByDepartment[dept] = (overdueByDepartment[dept] ?? 0) + 1;
    }
  }
  return { asOf, totals: { openByStage, overdueByDepartment }, partial };
}
