/**
 * The normalized, immutable form of a service flow that the engine consumes.
 *
 * Produced by the flow loader (config/flow/) from a validated YAML or JSON document and pinned into each case
 * at start. Plain data only (no classes, no functions) so that it crosses Temporal payloads unchanged.
 */

/** The six stages of full-cycle management, in order. */
export const STAGES = ['assessment', 'mobilization', 'action', 'supervision', 'emergency', 'review'] as const;
export type Stage = (typeof STAGES)[number];

/** Region levels of the five-level tree, from the smallest to the largest. */
export const LEVELS = ['grid', 'community', 'street', 'district', 'city'] as const;
export type Level = (typeof LEVELS)[number];

export type Clock = 'working' | 'calendar';

export const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'enum',
  'list',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface LocalizedText {
  readonly zh?: string;
  readonly en?: string;
}

export interface FieldSpec {
  readonly type: FieldType;
  readonly required: boolean;
  readonly values?: readonly string[];
  readonly title?: LocalizedText;
  /** A case `data` field holding personal data: kept as case data, never shown outside the case (Open311). */
  readonly personal?: true;
  /** A task `form` field whose value is a public note on the case (Open311 `status_notes`). */
  readonly public?: true;
}

/** `data` of a flow, `form` of a task: field name to spec. */
export type FieldMap = Readonly<Record<string, FieldSpec>>;

/**
 * A parsed duration. `days` and `millis` are kept apart because under a working clock a day is one working day
 * of the calendar (e.g. 7 hours), not 24 hours. `negative` is set for rungs before a deadline (`at: -30m`).
 */
export interface DurationSpec {
  readonly text: string;
  readonly negative: boolean;
  readonly days: number;
  readonly millis: number;
}

export interface SlaSpec {
  readonly within: DurationSpec;
  readonly clock: Clock;
  readonly starts: 'activated' | 'claimed';
  /** Task steps: the limit for claiming (签收时限) from activation, on `clock`; absent: none. */
  readonly claimWithin?: DurationSpec;
}

export type AssigneeSpec = { readonly department: string } | { readonly role: string; readonly level: Level };

export type EscalationAction = 'remind' | 'urge' | 'escalate' | 'emergency';

export interface EscalationRung {
  /** Signed, relative to the deadline, on the step's clock. */
  readonly at: DurationSpec;
  readonly do: EscalationAction;
  readonly to?: AssigneeSpec;
  /** 1 (most severe) to 4, for `do: emergency`. */
  readonly level?: EmergencyLevel;
}

export type EmergencyLevel = 1 | 2 | 3 | 4;

export type TaskException = 'return' | 'extension' | 'park';

export interface ReworkSpec {
  readonly when: string;
  readonly goto: string;
  readonly max: number;
  /** Past `max`: `notify` a supervisor and move on (absent means notify), or `decide`: wait for a supervisor. */
  readonly onExceeded?: 'notify' | 'decide';
}

interface StepBase {
  readonly id: string;
  readonly stage: Stage;
  readonly title?: LocalizedText;
  /** Ids of the steps this one waits for; empty means it starts with the case. */
  readonly after: readonly string[];
  /** CEL; absent means true. */
  readonly when?: string;
}

export interface TaskStep extends StepBase {
  readonly kind: 'task';
  readonly assignee: AssigneeSpec;
  readonly form: FieldMap;
  readonly sla?: SlaSpec;
  readonly allow: readonly TaskException[];
  readonly escalation: readonly EscalationRung[];
  /** Rungs timed from the claim limit while the step is unclaimed; absent when the flow sets none. */
  readonly claimEscalation?: readonly EscalationRung[];
  readonly rework?: ReworkSpec;
}

export interface ServiceCall {
  readonly system: string;
  readonly operation: string;
  /** Input field name to CEL expression. */
  readonly input: Readonly<Record<string, string>>;
}

export interface ServiceStep extends StepBase {
  readonly kind: 'service';
  readonly call: ServiceCall;
  readonly sla?: SlaSpec;
}

export interface NotifyStep extends StepBase {
  readonly kind: 'notify';
  readonly assignee?: AssigneeSpec;
  readonly message: LocalizedText;
}

export interface WaitStep extends StepBase {
  readonly kind: 'wait';
  /** A duration on `clock`, or … */
  readonly for?: DurationSpec;
  readonly clock: Clock;
  /** … a CEL expression returning a timestamp. Exactly one of `for` and `until` is set. */
  readonly until?: string;
}

export type Step = TaskStep | ServiceStep | NotifyStep | WaitStep;
export type StepKind = Step['kind'];

export interface EmergencyTrigger {
  readonly when: string;
  readonly level: EmergencyLevel;
}

export interface EmergencySpec {
  readonly triggers: readonly EmergencyTrigger[];
  /** Always stage `emergency`; they run while an emergency is open. */
  readonly steps: readonly Step[];
}

export interface ReviewSpec {
  /** The window for the follow-up visit (回访). */
  readonly feedback: { readonly within: DurationSpec; readonly clock: Clock };
  /** Step to run again (重办) when the citizen is unsatisfied. */
  readonly reworkOnUnsatisfied?: string;
}

export interface ProfileSpec {
  readonly title?: LocalizedText;
  /** Step id to SLA override. */
  readonly sla: Readonly<Record<string, SlaSpec>>;
  /** Override of the whole-case SLA. */
  readonly caseSla?: SlaSpec;
}

/** The citizen's contact details in a GeoReport v2 `POST requests`: kept only in `personal` data fields. */
export const GEOREPORT_CONTACT_PARAMETERS = [
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
] as const;

/** Parameters of a GeoReport v2 `POST requests` a flow can keep as case data. */
export const GEOREPORT_PARAMETERS = [
  'description',
  'address_string',
  'address_id',
  'media_url',
  'lat',
  'long',
  ...GEOREPORT_CONTACT_PARAMETERS,
] as const;
export type GeoReportParameter = (typeof GEOREPORT_PARAMETERS)[number];

/** Datatypes of a GeoReport service attribute. */
export const GEOREPORT_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type GeoReportDatatype = (typeof GEOREPORT_DATATYPES)[number];

/** A `data` field that GeoReport clients fill as `attribute[code]`. */
export interface Open311Attribute {
  /** The data field's name. */
  readonly code: string;
  readonly datatype: GeoReportDatatype;
  readonly required: boolean;
  /** 1 is shown first. */
  readonly order: number;
  readonly description?: LocalizedText;
  readonly datatypeDescription?: LocalizedText;
  /** Choices of a list datatype, with their names (the key stands for a missing name). */
  readonly values: readonly { readonly key: string; readonly name?: LocalizedText }[];
}

/** How a flow is offered as an Open311 GeoReport v2 service. The engine ignores it: it is read by the API. */
export interface Open311Spec {
  readonly serviceCode: string;
  readonly group?: string;
  readonly keywords: readonly string[];
  /** `service_notice`: what the city will do about such a request. */
  readonly notice?: LocalizedText;
  /** GeoReport request parameter to the data field that keeps it. */
  readonly request: Readonly<Partial<Record<GeoReportParameter, string>>>;
  /** Data every request filed through Open311 starts with. */
  readonly data: Readonly<Record<string, unknown>>;
  /** In `order`. */
  readonly attributes: readonly Open311Attribute[];
}

export interface Flow {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly description?: string;
  readonly source: readonly string[];
  /** Default calendar name for working-time clocks. */
  readonly calendar: string;
  readonly sla?: SlaSpec;
  readonly data: FieldMap;
  readonly steps: readonly Step[];
  readonly emergency?: EmergencySpec;
  readonly review?: ReviewSpec;
  readonly profiles: Readonly<Record<string, ProfileSpec>>;
  /** Offered as a GeoReport v2 service when present. */
  readonly open311?: Open311Spec;
}
