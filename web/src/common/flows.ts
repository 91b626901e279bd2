/**
 * Flow definitions as the API serves them (`GET /v1/flows/{flowId}/versions/{version}`), with typed access to the
 * parts the app generates forms from: the `data` field map and each task's `form`.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

export type FieldType =
  | 'string'
  | 'text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'list';

export interface LocalizedText {
  readonly zh?: string;
  readonly en?: string;
}

export interface FieldSpec {
  readonly type: FieldType;
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** What people see for each value of an enum (the value itself is what is sent and stored). */
  readonly valueTitles?: Readonly<Record<string, LocalizedText>>;
  readonly title?: LocalizedText;
}

export type FieldMap = Readonly<Record<string, FieldSpec>>;

interface StepSpec {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly form?: FieldMap;
  readonly allow?: readonly string[];
  /** 返工: where a failed check sends the case back to (`goto`), at most `max` times. */
  readonly rework?: { readonly goto: string; readonly max?: number };
}

/** A flow definition as written; only the parts the app reads are typed. */
export interface FlowDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly diagram: string;
  readonly data?: FieldMap;
  readonly steps?: readonly StepSpec[];
  readonly emergency?: { readonly steps?: readonly StepSpec[] };
  readonly profiles?: Readonly<Record<string, unknown>>;
}

/** The text in the current language, falling back to the other one, then to `fallback`. */
export function localized(text: LocalizedText | undefined, language: string, fallback = ''): string {
  if (text === undefined) return fallback;
  return (language === 'en' ? (text.en ?? text.zh) : (text.zh ?? text.en)) ?? fallback;
}

/** An enum value as people read it: its title in `spec.valueTitles` in the current language, else the value. */
export function valueTitle(spec: FieldSpec | undefined, value: string, language: string): string {
  return localized(spec?.valueTitles?.[value], language, value);
}

export function useFlowDefinition(flowId: string | undefined, version?: number) {
  return useQuery({
    queryKey: ['flow', flowId, version],
    enabled: flowId !== undefined,
    staleTime: Infinity,
    queryFn: async (): Promise<FlowDefinition> => {
      const id = flowId ?? '';
      const definition =
        version === undefined
          ? unwrap(await api.GET('/v1/flows/{flowId}', { params: { path: { flowId: id } } }))
          : unwrap(
              await api.GET('/v1/flows/{flowId}/versions/{version}', {
                params: { path: { flowId: id, version } },
              }),
            );
      // The definition is the flow as written (a loose object in the contract); its documented shape is the flow
      // language's, which the server validated when it loaded the flow.
      return definition as unknown as FlowDefinition;
    },
  });
}

export function useFlowList() {
  return useQuery({
    queryKey: ['flows'],
    staleTime: 60_000,
    queryFn: async () => unwrap(await api.GET('/v1/flows')).items,
  });
}

/** Each flow's title in the user's language, by flow id (empty until the list has loaded). */
export function useFlowTitles(): ReadonlyMap<string, string> {
  const { i18n } = useTranslation();
  const flows = useFlowList().data ?? [];
  return new Map(flows.map((flow) => [flow.id, localized(flow.title, i18n.language, flow.id)]));
}

/** The step of a definition (main steps and emergency steps). */
export function stepSpec(definition: FlowDefinition | undefined, stepId: string): StepSpec | undefined {
  return [...(definition?.steps ?? []), ...(definition?.emergency?.steps ?? [])].find(
    (step) => step.id === stepId,
  );
}
