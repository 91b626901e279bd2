/**
 * A case as a GeoReport service request: closed once the case is closed or cancelled or only its follow-up visit
 * (review) remains; `status_notes` the latest public note of a completed step; `agency_responsible` the department of
 * the task waiting longest (else of the last task assigned); `expected_datetime` the whole-case deadline;
 * `updated_datetime` the last public change (filed, a public note, another agency, closed). Only data fields the
 * flow maps from GeoReport parameters are shown, and never a personal one. The same rules whether the case is read
 * from the ledger (listings, and single requests it has) or from Temporal (a request the ledger has not yet seen).
 */
import type { Directory } from '../../workflows/engine/directory-model';
import type { CaseView, StepView } from '../../workflows/engine/case/case-view';
import type { LedgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import { findStep } from '../../workflows/engine/case/flow-graph';
import { publicNoteOf } from '../../workflows/engine/case/public-note';
import { formatInstant, parseInstant } from '../../workflows/engine/time';
import type { Flow, GeoReportParameter } from '../../workflows/engine/flow-model';
import type { GeoRecord, GeoScalar } from './georeport-document';
import { textIn, type GeoService, type Language } from './service-catalog';

export type GeoStatus = 'open' | 'closed';

/** The note a completed step left for the public (docs/flow-language.md, `public: true`), and when. */
export interface PublicNote {
  readonly text: string;
  /** When the step completed, as the case writes its instants. */
  readonly at: string;
}

/** What a request shows beyond the view: its service, the flow version of the case, names and language. */
export interface RequestContext {
  readonly service: GeoService;
  /** The flow version the case runs (its data fields say which are personal). */
  readonly flow: Flow;
  readonly directory: Directory;
  readonly language: Language;
}

/** open or closed, as GeoReport knows it (of a case view or a ledger listing). */
export function geoStatusOf(view: Pick<CaseView, 'status' | 'stage'>): GeoStatus {
  return view.status === 'closed' || view.status === 'cancelled' || view.stage === 'review'
    ? 'closed'
    : 'open';
}

/** The public notes of a case view's completed steps, from their results and the flow's forms. */
export function publicNotesOfView(view: CaseView, flow: Flow): PublicNote[] {
  return view.steps.flatMap((step): PublicNote[] => {
    const spec = findStep(flow, step.id);
    const text = spec && step.status === 'completed' ? publicNoteOf(spec, step.result) : undefined;
    return text === undefined || step.completedAt === undefined ? [] : [{ text, at: step.completedAt }];
  });
}

/** The public notes the ledger's snapshot of a case carries (the engine picked them: no results are kept). */
export function publicNotesOfSnapshot(snapshot: LedgerSnapshot): PublicNote[] {
  return snapshot.steps.flatMap((step): PublicNote[] =>
    step.publicNote === undefined || step.completedAt === undefined
      ? []
      : [{ text: step.publicNote, at: formatInstant(step.completedAt, snapshot.timezone) }],
  );
}

/** The request element of `GET requests` and `GET requests/{id}`, in the specification's order. */
export function serviceRequestRecord(
  view: CaseView,
  notes: readonly PublicNote[],
  context: RequestContext,
): GeoRecord {
  const { service, flow, directory, language } = context;
  const note = latestOf(notes);
  const agency = responsibleStep(view);
  const status = geoStatusOf(view);
  const shown = (parameter: GeoReportParameter): GeoScalar => {
    const field = service.open311.request[parameter] ?? flow.open311?.request[parameter];
    if (field === undefined || flow.data[field]?.personal === true) return null;
    const value = view.data[field];
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  };
  const department = agency?.assignee?.department;
  return [
    ['service_request_id', view.caseId],
    ['status', status],
    ['status_notes', note?.text ?? null],
    ['service_name', textIn(service.flow.title, language)],
    ['service_code', service.open311.serviceCode],
    ['description', shown('description')],
    [
      'agency_responsible',
      department === undefined
        ? null
        : (directory.departments.find((candidate) => candidate.id === department)?.name ?? department),
    ],
    ['service_notice', textIn(service.open311.notice, language)],
    ['requested_datetime', view.createdAt],
    ['updated_datetime', updatedAt(view, status, note?.at, agency)],
    ['expected_datetime', view.dueAt ?? null],
    ['address', shown('address_string')],
    ['address_id', shown('address_id')],
    ['zipcode', null],
    ['lat', shown('lat')],
    ['long', shown('long')],
    ['media_url', shown('media_url')],
  ];
}

/** The note left last (of equals, the later listed). */
function latestOf(notes: readonly PublicNote[]): PublicNote | undefined {
  let latest: PublicNote | undefined;
  for (const note of notes) {
    if (latest === undefined || instant(note.at) >= instant(latest.at)) latest = note;
  }
  return latest;
}

/** The task waiting longest for its department, else the task assigned last. */
function responsibleStep(view: CaseView): StepView | undefined {
  const assigned = view.steps.filter((step) => step.kind === 'task' && step.assignee && step.activatedAt);
  const byActivation = (a: StepView, b: StepView) => instant(a.activatedAt) - instant(b.activatedAt);
  const waiting = assigned.filter((step) => step.status === 'active' || step.status === 'claimed');
  return waiting.sort(byActivation)[0] ?? assigned.sort(byActivation).at(-1);
}

/** When the request was closed; while open, the latest of filing, the last public note and the agency taking over. */
function updatedAt(
  view: CaseView,
  status: GeoStatus,
  noteAt: string | undefined,
  agency: StepView | undefined,
) {
  if (status === 'closed') {
    // Resolved when its last step finished (the follow-up visit may keep the case itself open for days).
    const finished = latestInstant(
      view.steps.flatMap((step) => (step.completedAt === undefined ? [] : [step.completedAt])),
    );
    return (
      (view.review === undefined ? view.closedAt : finished) ?? finished ?? view.closedAt ?? view.createdAt
    );
  }
  const since =
    agency && (agency.status === 'active' || agency.status === 'claimed') ? agency.activatedAt : undefined;
  return latestInstant([view.createdAt, noteAt, since].filter((at) => at !== undefined)) ?? view.createdAt;
}

function latestInstant(instants: readonly string[]): string | undefined {
  return [...instants].sort((a, b) => instant(a) - instant(b)).at(-1);
}

function instant(text: string | undefined): number {
  return text === undefined ? 0 : parseInstant(text);
}
