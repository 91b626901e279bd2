/**
 * The GeoReport services: the latest version of each flow, when it has an `open311` block, by service code and by
 * flow id. Texts are chosen in the jurisdiction's language, falling back to the other one.
 */
import type { FlowCatalog } from '../../config/flow/load-flows';
import type { Flow, LocalizedText, Open311Spec } from '../../workflows/engine/flow-model';

/** One service: the flow version it files cases of, and its block. */
export interface GeoService {
  readonly flow: Flow;
  readonly open311: Open311Spec;
}

export interface ServiceCatalog {
  /** In service-code order. */
  readonly services: readonly GeoService[];
  byCode(serviceCode: string): GeoService | undefined;
  byFlowId(flowId: string): GeoService | undefined;
}

/** The catalog over the loaded flows, built again when a version was added (published through the API). */
export function createServiceCatalog(flows: FlowCatalog): ServiceCatalog {
  let built: (ServiceCatalog & { readonly size: number }) | undefined;
  const current = () => {
    if (built?.size !== flows.size) built = { ...buildServiceCatalog(flows), size: flows.size };
    return built;
  };
  return {
    get services() {
      return current().services;
    },
    byCode: (code) => current().byCode(code),
    byFlowId: (id) => current().byFlowId(id),
  };
}

function buildServiceCatalog(flows: FlowCatalog): ServiceCatalog {
  const services = [...new Set(flows.list().map((entry) => entry.id))]
    .map((id) => flows.get(id))
    .flatMap((flow): GeoService[] => (flow?.open311 ? [{ flow, open311: flow.open311 }] : []))
    .sort((a, b) => a.open311.serviceCode.localeCompare(b.open311.serviceCode));
  const codes = new Map(services.map((service) => [service.open311.serviceCode, service]));
  const ids = new Map(services.map((service) => [service.flow.id, service]));
  return { services, byCode: (code) => codes.get(code), byFlowId: (id) => ids.get(id) };
}

export type Language = 'zh' | 'en';

/** The text in `language`, else in the other one. */
export function textIn(text: LocalizedText | undefined, language: Language): string | null {
  if (text === undefined) return null;
  return (language === 'zh' ? (text.zh ?? text.en) : (text.en ?? text.zh)) ?? null;
}
