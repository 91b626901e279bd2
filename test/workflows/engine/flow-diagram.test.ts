import { join } from 'node:path';
import { loadCalendars } from '../../../config/calendars/load-calendars';
import { loadDirectory } from '../../../config/directory/load-directory';
import type { FlowCatalog } from '../../../config/flow/load-flows';
import { loadFlowCatalog } from '../../../config/flow/load-flows';
import { flowToMermaid } from '../../../workflows/engine/flow-diagram';
import type { Flow, TaskStep } from '../../../workflows/engine/flow-model';
import { parseDuration } from '../../../workflows/engine/time';

const ROOT = join(__dirname, '../../..');
let catalog: FlowCatalog;

beforeAll(async () => {
  const directory = await loadDirectory(join(ROOT, 'config/directory.yaml'));
  const calendars = await loadCalendars(join(ROOT, 'config/calendars'));
  catalog = await loadFlowCatalog(join(ROOT, 'flows'), { directory, calendars: new Set(calendars.keys()) });
});

function reference(id: string): Flow {
  const flow = catalog.get(id);
  if (!flow) throw new Error(`reference flow ${id} is missing`);
  return flow;
}

/** Lines of the subgraph `stage_<stage>`, without its `subgraph` and `end` lines. */
function subgraph(text: string, stage: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith(`subgraph stage_${stage}[`));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.trim() === 'end');
  return lines.slice(start + 1, end).map((line) => line.trim());
}

const task = (id: string, extra: Partial<TaskStep> = {}): TaskStep => ({
  id,
  stage: 'action',
  kind: 'task',
  after: [],
  assignee: { role: 'r', level: 'district' },
  form: {},
  allow: [],
  escalation: [],
  ...extra,
});

const minimal = (steps: Flow['steps'], extra: Partial<Flow> = {}): Flow => ({
  id: 't.flow',
  version: 1,
  title: { en: 'T' },
  source: [],
  calendar: 'cn-mainland',
  data: {},
  steps,
  profiles: {},
  ...extra,
});

describe('flowToMermaid on the reference flows', () => {
  it('draws a top-down flowchart with one subgraph per stage present, in stage order', () => {
    const text = flowToMermaid(reference('urban.exposed-garbage'));
    expect(text.split('\n')[1]).toBe('flowchart TD');
    const stages = [...text.matchAll(/subgraph stage_(\w+)\["([^"]+)"\]/g)].map((m) => [m[1], m[2]]);
    expect(stages).toEqual([
      ['assessment', '问题研判 Assessment'],
      ['mobilization', '资源动员 Mobilization'],
      ['action', '行动处置 Action'],
      ['supervision', '监督反馈 Supervision'],
      ['review', '总结提升 Review'],
    ]);
    expect(subgraph(text, 'assessment')).toEqual([
      'step_verify["核实 Verify on site<br/>task · verify · 1h working"]',
      'step_file["立案 File the case<br/>task · file · 1h working"]',
    ]);
  });

  it('gives each kind its shape: task rectangle, service subroutine, notify flag, wait hexagon', () => {
    const garbage = flowToMermaid(reference('urban.exposed-garbage'));
    expect(garbage).toMatch(/^ {4}step_dispatch\[\["派遣 .*service · dispatch/m);
    expect(garbage).toMatch(/^ {4}step_notify_reporter>".*notify · notify-reporter"\]$/m);
    const manhole = flowToMermaid(reference('urban.missing-manhole-cover'));
    expect(manhole).toMatch(/^ {4}step_claim_period\{\{".*wait · claim-period · for 15d calendar"\}\}$/m);
  });

  it('draws after edges solid, labelled with the shortened when', () => {
    const text = flowToMermaid(reference('urban.exposed-garbage'));
    expect(text).toContain('  case_start --> step_verify\n');
    expect(text).toContain('  step_verify -->|"when steps.verify.result.confirmed"| step_file\n');
    const hotline = flowToMermaid(reference('hotline.12345-complaint'));
    expect(hotline).toMatch(
      /step_dispatch -->\|"when steps\.classify\.result\.category == .{1,12}…"\| step_handle_general/,
    );
  });

  it('shows a claim limit on the task and a rework that waits for a supervisor', () => {
    const text = flowToMermaid(reference('hotline.12345-complaint'));
    expect(text).toContain('task · handle-general · 7d calendar · 签收 claim 1h');
    const hotline = reference('hotline.12345-complaint');
    const deciding = {
      ...hotline,
      steps: hotline.steps.map((step) =>
        step.kind === 'task' && step.rework
          ? { ...step, rework: { ...step.rework, onExceeded: 'decide' as const } }
          : step,
      ),
    };
    expect(flowToMermaid(deciding)).toContain('返工 rework ≤2, then supervisor decides: !result.acceptable');
  });

  it('draws rework and return (退单) as dashed edges back, and 重办 from the follow-up visit', () => {
    const text = flowToMermaid(reference('urban.exposed-garbage'));
    expect(text).toContain('  step_check -.->|"返工 rework ≤3: !result.fixed"| step_handle\n');
    expect(text).toContain('  step_handle -.->|"退单 return"| step_dispatch\n');
    expect(subgraph(text, 'review')).toEqual([
      'review_feedback(["回访 follow-up visit<br/>within 3d calendar"])',
    ]);
    expect(text).toContain('  review_feedback -.->|"重办 redo if unsatisfied"| step_handle\n');
    expect(text).not.toContain('stage_emergency');
  });

  it('puts emergency steps in the emergency subgraph, reached by dashed edges from the trigger', () => {
    const text = flowToMermaid(reference('urban.missing-manhole-cover'));
    const emergency = subgraph(text, 'emergency');
    expect(emergency[0]).toMatch(
      /^emergency_trigger\{"应急触发 emergency trigger<br\/>IV级 if case\.data\.injuries == true/,
    );
    expect(emergency.slice(1).map((line) => line.split('[')[0])).toEqual([
      'step_report_duty_office',
      'step_secure_scene',
    ]);
    expect(text).toContain('  emergency_trigger -.-> step_report_duty_office\n');
    expect(text).toContain('  step_secure_power -.->|"+2h 应急 IV级"| emergency_trigger\n');
  });

  it.each([
    'business.startup',
    'health.public-health-report',
    'hotline.12345-complaint',
    'urban.exposed-garbage',
    'urban.missing-manhole-cover',
  ])('%s: every edge joins declared nodes, and the text is the same each time', (id) => {
    const flow = reference(id);
    const text = flowToMermaid(flow);
    expect(flowToMermaid(flow)).toBe(text);
    const declared = new Set([...text.matchAll(/^ {2,4}(\w+)[[({>]/gm)].map((m) => m[1]));
    const edges = [...text.matchAll(/^ {2}(\w+) -\.?->?(?:\|"[^"]*"\|)? (\w+)$/gm)];
    expect(edges.length).toBeGreaterThan(0);
    for (const [, from, to] of edges) {
      expect(declared).toContain(from);
      expect(declared).toContain(to);
    }
  });
});

describe('flowToMermaid escaping', () => {
  it('writes quotes and markup in titles and conditions as Mermaid entity codes', () => {
    const flow = minimal([
      task('a', { title: { zh: '说"明"', en: 'A <b> & #1 | `x`;' } }),
      task('b', { after: ['a'], when: 'case.data.note == "x\\"y" && 1 < 2' }),
    ]);
    const text = flowToMermaid(flow);
    expect(text).toContain(
      'step_a["说#quot;明#quot; A #lt;b#gt; #amp; #35;1 #124; #96;x#96;#59;<br/>task · a"]',
    );
    expect(text).toContain(
      'step_a -->|"when case.data.note == #quot;x\\#quot;y#quot; #amp;#amp; 1 #lt; 2"| step_b',
    );
    const labels = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label.replaceAll('<br/>', '')).not.toMatch(/[<>&\n]/);
  });

  it('keeps node ids unique and safe when step ids differ only in - and _', () => {
    const text = flowToMermaid(minimal([task('a-b'), task('a_b', { after: ['a-b'] }), task('end')]));
    expect(text).toContain('    step_a_b["a-b<br/>task"]');
    expect(text).toContain('    step_a_b_2["a_b<br/>task"]');
    expect(text).toContain('  step_a_b --> step_a_b_2\n');
    expect(text).toContain('    step_end["end<br/>task"]');
  });

  it('flattens newlines in multi-line conditions onto one label line', () => {
    const text = flowToMermaid(minimal([task('a'), task('b', { after: ['a'], when: 'true &&\n  false' })]));
    expect(text).toContain('|"when true #amp;#amp; false"|');
  });

  it('labels the review window with its duration and clock', () => {
    const flow = minimal([task('a')], {
      review: { feedback: { within: parseDuration('3d'), clock: 'working' }, reworkOnUnsatisfied: 'a' },
    });
    const text = flowToMermaid(flow);
    expect(text).toContain('  step_a --> review_feedback\n');
    expect(text).toContain('  review_feedback -.->|"重办 redo if unsatisfied"| step_a\n');
  });
});
