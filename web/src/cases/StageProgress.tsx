/**
 * The six stages of full-cycle management (全周期) as a progress bar. A stage is marked done only when the case went
 * through it, the ordinary stage the case is in stays current while an emergency is open, and 应急处置 is marked only
 * for a case that had an emergency (red while it is open).
 */
import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from './case-queries';

const STAGES = ['assessment', 'mobilization', 'action', 'supervision', 'emergency', 'review'] as const;
type Stage = (typeof STAGES)[number];
type StageStatus = 'wait' | 'process' | 'finish' | 'error';

const running = (status: string): boolean => status === 'active' || status === 'claimed';

/** Where the case stands on its ordinary stages (all but the emergency): the index in STAGES, or -1 once closed. */
function ordinaryPosition(view: CaseView, reached: ReadonlySet<string>): number {
  if (view.stage === 'closed') return -1;
  if (view.stage !== 'emergency') return STAGES.indexOf(view.stage as Stage);
  // An emergency hides the ordinary stage: the earliest one with a running step, else the furthest one reached.
  const runningStages = view.steps
    .filter((step) => step.stage !== 'emergency' && running(step.status))
    .map((step) => STAGES.indexOf(step.stage));
  if (runningStages.length > 0) return Math.min(...runningStages);
  const passed = [...reached].filter((stage) => stage !== 'emergency');
  return Math.max(0, ...passed.map((stage) => STAGES.indexOf(stage as Stage)));
}

/** Each stage's mark: done, current, not reached, or (the emergency, while open) an alert. */
function stageStatuses(view: CaseView): Record<Stage, StageStatus> {
  const reached = new Set(view.steps.filter((step) => step.round > 0).map((step) => step.stage));
  if (view.review !== undefined) reached.add('review');
  const position = ordinaryPosition(view, reached);
  const status = (stage: Stage, index: number): StageStatus => {
    if (stage === 'emergency') {
      if (view.emergencyLevel > 0 && view.stage !== 'closed') return 'error';
      return reached.has('emergency') ? 'finish' : 'wait';
    }
    if (position === -1) return reached.has(stage) ? 'finish' : 'wait';
    return index < position ? 'finish' : index === position ? 'process' : 'wait';
  };
  return Object.fromEntries(STAGES.map((stage, index) => [stage, status(stage, index)])) as Record<
    Stage,
    StageStatus
  >;
}

export function StageProgress({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const statuses = stageStatuses(view);
  const current = STAGES.findIndex((stage) => statuses[stage] === 'process');
  return (
    <Steps
      size="small"
      current={current === -1 ? STAGES.length : current}
      responsive
      aria-label={t('case.status')}
      items={STAGES.map((key) => ({
        title: (
          <span data-testid={`stage-${key}`} data-status={statuses[key]}>
            {t(`stage.${key}`)}
          </span>
        ),
        status: statuses[key],
      }))}
    />
  );
}
