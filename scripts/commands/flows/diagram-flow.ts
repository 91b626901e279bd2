/** `fullcycle flows diagram <file|id>`: the flow as a Mermaid flowchart on stdout. */
import { flowToMermaid } from '../../../workflows/engine/flow-diagram';
import type { CommandContext } from './command-io';
import { EXIT } from './command-io';
import { loadFlowEnvironment } from './flow-environment';
import { resolveFlow } from './resolve-flow';

/** Prints the Mermaid text of the flow `reference` names. */
export async function diagramFlow(reference: string, ctx: CommandContext): Promise<number> {
  const environment = await loadFlowEnvironment(ctx);
  const flow = await resolveFlow(reference, environment, ctx);
  ctx.io.out(flowToMermaid(flow).trimEnd());
  return EXIT.ok;
}
