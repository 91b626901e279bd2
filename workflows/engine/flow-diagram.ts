/**
 * A flow as a Mermaid flowchart, for designers (`fullcycle flows diagram`) and the API (`diagram` with each flow).
 * Pure and deterministic: the same flow always gives the same text.
 */
import type { DurationSpec, EmergencyLevel, Flow, LocalizedText, Stage, Step } from './flow-model';
import { STAGES } from './flow-model';
import { mermaidText, shorten } from './mermaid-text';

/** The stages' names as the design shows them. */
export const STAGE_LABELS: Readonly<Record<Stage, LocalizedText>> = {
  assessment: { zh: '问题研判', en: 'Assessment' },
  mobilization: { zh: '资源动员', en: 'Mobilization' },
  action: { zh: '行动处置', en: 'Action' },
  supervision: { zh: '监督反馈', en: 'Supervision' },
  emergency: { zh: '应急处置', en: 'Emergency' },
  review: { zh: '总结提升', en: 'Review' },
};

const ROMAN: Readonly<Record<EmergencyLevel, string>> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };
const TRIGGER = 'emergency_trigger';
const FEEDBACK = 'review_feedback';
const START = 'case_start';

/** Mermaid `flowchart TD`: a subgraph per stage present, dashed edges for rework, return, emergency and 重办. */
export function flowToMermaid(flow: Flow): string {
  const emergencySteps = flow.emergency?.steps ?? [];
  const all = [...flow.steps, ...emergencySteps];
  const ids = nodeIds(all);
  const node = (id: string) => ids.get(id) ?? 'missing';
  const lines = [`%% ${flow.id.replace(/\s+/g, ' ')} v${flow.version}`, 'flowchart TD'];
  lines.push(`  ${START}(("${mermaidText(label(flow.title, flow.id))}"))`);
  for (const stage of STAGES) {
    const members = all.filter((step) => step.stage === stage);
    const extra = stageExtras(flow, stage);
    if (members.length === 0 && extra.length === 0) continue;
    lines.push(`  subgraph stage_${stage}["${mermaidText(label(STAGE_LABELS[stage], stage))}"]`);
    lines.push(...extra.map((line) => `    ${line}`));
    lines.push(...members.map((step) => `    ${stepNode(node(step.id), step)}`));
    lines.push('  end');
  }
  lines.push(...flowEdges(flow, node), ...exceptionEdges(flow, node));
  return `${lines.join('\n')}\n`;
}

/** Solid edges: start to the first steps, `after` (labelled with the step's `when`), last steps to review. */
function flowEdges(flow: Flow, node: (id: string) => string): string[] {
  const lines: string[] = [];
  for (const step of flow.steps) {
    const label = step.when === undefined ? '' : `|"${mermaidText(`when ${shorten(step.when, 40)}`)}"|`;
    const sources = step.after.length === 0 ? [START] : step.after.map(node);
    lines.push(...sources.map((source) => `  ${source} -->${label} ${node(step.id)}`));
  }
  for (const step of flow.emergency?.steps ?? []) {
    const label = step.when === undefined ? '' : `|"${mermaidText(`when ${shorten(step.when, 40)}`)}"|`;
    const sources = step.after.length === 0 ? [] : step.after.map(node);
    lines.push(...sources.map((source) => `  ${source} -->${label} ${node(step.id)}`));
  }
  if (flow.review) {
    const awaited = new Set(flow.steps.flatMap((step) => step.after));
    const last = flow.steps.filter((step) => !awaited.has(step.id) && step.stage !== 'review');
    lines.push(...last.map((step) => `  ${node(step.id)} --> ${FEEDBACK}`));
  }
  return lines;
}

/** Dashed edges: rework back to `goto`, return (退单) back to `after`, emergency openings, 重办. */
function exceptionEdges(flow: Flow, node: (id: string) => string): string[] {
  const lines: string[] = [];
  const all = [...flow.steps, ...(flow.emergency?.steps ?? [])];
  for (const step of all) {
    if (step.kind !== 'task') continue;
    if (step.rework) {
      const decide = step.rework.onExceeded === 'decide' ? ', then supervisor decides' : '';
      const text = `返工 rework ≤${step.rework.max}${decide}: ${shorten(step.rework.when, 30)}`;
      lines.push(`  ${node(step.id)} -.->|"${mermaidText(text)}"| ${node(step.rework.goto)}`);
    }
    if (step.allow.includes('return')) {
      lines.push(...step.after.map((to) => `  ${node(step.id)} -.->|"退单 return"| ${node(to)}`));
    }
    if (flow.emergency) {
      for (const rung of step.escalation) {
        if (rung.do !== 'emergency') continue;
        const text = `${signed(rung.at)} 应急 ${ROMAN[rung.level ?? 4]}级`;
        lines.push(`  ${node(step.id)} -.->|"${mermaidText(text)}"| ${TRIGGER}`);
      }
    }
  }
  for (const step of flow.emergency?.steps ?? []) {
    if (step.after.length > 0) continue;
    const label = step.when === undefined ? '' : `|"${mermaidText(`when ${shorten(step.when, 40)}`)}"|`;
    lines.push(`  ${TRIGGER} -.->${label} ${node(step.id)}`);
  }
  const redo = flow.review?.reworkOnUnsatisfied;
  if (redo !== undefined) lines.push(`  ${FEEDBACK} -.->|"重办 redo if unsatisfied"| ${node(redo)}`);
  return lines;
}

/** Nodes that are not steps: the emergency trigger and the review's follow-up visit. */
function stageExtras(flow: Flow, stage: Stage): string[] {
  if (stage === 'emergency' && flow.emergency) {
    const triggers = flow.emergency.triggers.map(
      (trigger) => `${ROMAN[trigger.level]}级 if ${shorten(trigger.when, 40)}`,
    );
    const text = ['应急触发 emergency trigger', ...triggers, 'or opened by hand'];
    return [`${TRIGGER}{"${text.map(mermaidText).join('<br/>')}"}`];
  }
  if (stage === 'review' && flow.review) {
    const { within, clock } = flow.review.feedback;
    const text = ['回访 follow-up visit', `within ${within.text} ${clock}`];
    return [`${FEEDBACK}(["${text.map(mermaidText).join('<br/>')}"])`];
  }
  return [];
}

/** A step's node: rectangle for task, subroutine for service, flag for notify, hexagon for wait. */
function stepNode(id: string, step: Step): string {
  const text = [label(step.title, step.id), stepDetail(step)].map(mermaidText).join('<br/>');
  switch (step.kind) {
    case 'task':
      return `${id}["${text}"]`;
    case 'service':
      return `${id}[["${text}"]]`;
    case 'notify':
      return `${id}>"${text}"]`;
    case 'wait':
      return `${id}{{"${text}"}}`;
  }
}

function stepDetail(step: Step): string {
  const parts: string[] = step.title ? [step.kind, step.id] : [step.kind];
  if ((step.kind === 'task' || step.kind === 'service') && step.sla) {
    parts.push(`${step.sla.within.text} ${step.sla.clock}`);
    if (step.sla.claimWithin) parts.push(`签收 claim ${step.sla.claimWithin.text}`);
  }
  if (step.kind === 'service') parts.push(`${step.call.system}.${step.call.operation}`);
  if (step.kind === 'wait') {
    parts.push(step.for ? `for ${step.for.text} ${step.clock}` : `until ${shorten(step.until ?? '', 30)}`);
  }
  return parts.join(' · ');
}

function label(text: LocalizedText | undefined, fallback: string): string {
  const parts = [text?.zh, text?.en].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : fallback;
}

function signed(duration: DurationSpec): string {
  return duration.negative ? duration.text : `+${duration.text}`;
}

/** Safe, unique Mermaid node ids in step order: `step_` plus the id with other characters as `_`. */
function nodeIds(steps: readonly Step[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const step of steps) {
    const base = `step_${step.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    used.add(candidate);
    ids.set(step.id, candidate);
  }
  return ids;
}
