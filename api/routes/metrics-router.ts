/**
 * `GET /v1/supervision/metrics`: the performance figures of docs/metrics.md from the ledger, per period and group,
 * within the token's region; as JSON, or as CSV with `Accept: text/csv` (the same query, one row per item).
 */
import { Router } from 'express';
import { caseMetrics, type MetricsRow } from '../../ledger';
import { formatInstant } from '../../workflows/engine/time';
import { actorOf, regionScopeOf, requireRole } from '../auth';
import { ForbiddenProblemError } from '../problems';
import { MetricsQuerySchema } from '../schemas';
import { regionWithin, type RouteDependencies } from './route-context';

const COLUMNS: readonly (keyof MetricsRow)[] = [
  'period',
  'group',
  'due',
  'closed',
  'closedOnTime',
  'closureRate',
  'onTimeRate',
  'reworked',
  'reworkRate',
  'extended',
  'extensionRate',
  'rated',
  'satisfied',
  'satisfactionRate',
  'handlingHoursMedian',
  'handlingHoursP90',
  'overdueNow',
  'claimOverdueNow',
];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null as empty. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV with a header line. */
export function metricsCsv(rows: readonly MetricsRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvField(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The metrics route. */
export function createMetricsRouter(deps: RouteDependencies): Router {
  const router = Router();
  router.get('/v1/supervision/metrics', requireRole('supervisor', 'admin'), async (req, res) => {
    const query = MetricsQuerySchema.parse(req.query);
    const scope = regionScopeOf(actorOf(res), query.region, regionWithin(deps.service));
    if (!scope.allowed) {
      throw new ForbiddenProblemError(`Region '${query.region ?? ''}' is outside your region`, {
        slug: 'out-of-region',
      });
    }
    const now = deps.now();
    const rows = await caseMetrics(deps.ledger, {
      ...query,
      ...(scope.region === undefined ? {} : { region: scope.region }),
      now,
    });
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.type('text/csv; charset=utf-8').send(metricsCsv(rows));
      return;
    }
    res.json({
      period: query.period,
      by: query.by,
      from: query.from,
      to: query.to,
      ...(scope.region === undefined ? {} : { region: scope.region }),
      excludeSuspended: query.excludeSuspended,
      asOf: formatInstant(now, deps.timezone),
      items: rows,
    });
  });
  return router;
}
