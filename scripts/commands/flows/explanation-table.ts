/** The readable form of a flow explanation: a header, then one row per step with its explanation below. */
import type { ExplainedSla, FlowExplanation } from '../../../workflows/engine/flow-explain';
import type { Flow } from '../../../workflows/engine/flow-model';

interface Row {
  readonly name: string;
  readonly kind: string;
  readonly sla: string;
  readonly due: string;
  readonly explanation: string;
}

/** Text table of `explanation`. */
export function explanationTable(flow: Flow, explanation: FlowExplanation): string {
  const title = [flow.title.zh, flow.title.en].filter((part) => part !== undefined).join(' / ');
  const header = [
    `${flow.id} v${flow.version}  ${title}`,
    `start ${explanation.start} · calendar ${explanation.flow.calendar} · profile ${explanation.profile ?? '(none)'}`,
  ];
  const rows: Row[] = explanation.steps.map((step) => ({
    name: step.stage === 'emergency' ? `${step.id} (emergency)` : step.id,
    kind: step.kind,
    sla: slaText(step.sla),
    due: step.dueAt ?? '—',
    explanation: step.explanation,
  }));
  rows.push({ name: '(whole case)', kind: '', ...limitRow(explanation.case) });
  if (explanation.review)
    rows.push({ name: '(follow-up visit)', kind: 'review', ...limitRow(explanation.review) });
  const titles: Row = { name: 'STEP', kind: 'KIND', sla: 'SLA', due: 'DUE', explanation: '' };
  const width = (key: keyof Row) => Math.max(...[titles, ...rows].map((row) => row[key].length));
  const [name, kind, sla] = [width('name'), width('kind'), width('sla')];
  const line = (row: Row) =>
    [row.name.padEnd(name), row.kind.padEnd(kind), row.sla.padEnd(sla), row.due].join('  ').trimEnd();
  const body = rows.flatMap((row) => [line(row), `    ${row.explanation}`]);
  return [...header, '', line(titles), ...body].join('\n');
}

function limitRow(limit: FlowExplanation['case']): Pick<Row, 'sla' | 'due' | 'explanation'> {
  return { sla: slaText(limit.sla), due: limit.dueAt ?? '—', explanation: limit.explanation };
}

function slaText(sla: ExplainedSla | null): string {
  if (!sla) return '—';
  return `${sla.within} ${sla.clock}${sla.starts === 'claimed' ? ' from claim' : ''}`;
}
