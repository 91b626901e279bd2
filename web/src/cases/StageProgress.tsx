/** The six stages of full-cycle management (全周期) as a progress bar, the case's current stage highlighted. */
import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

const STAGES = ['assessment', 'mobilization', 'action', 'supervision', 'emergency', 'review'] as const;

export function StageProgress({ stage, emergencyLevel }: { stage: string; emergencyLevel: number }) {
  const { t } = useTranslation();
  const closed = stage === 'closed';
  const current = closed ? STAGES.length : Math.max(0, STAGES.indexOf(stage as (typeof STAGES)[number]));
  return (
    <Steps
      size="small"
      current={current}
      responsive
      aria-label={t('case.status')}
      items={STAGES.map((key, index) => ({
        title: t(`stage.${key}`),
        status:
          key === 'emergency' && emergencyLevel > 0
            ? 'error'
            : closed || index < current
              ? 'finish'
              : index === current
                ? 'process'
                : 'wait',
      }))}
    />
  );
}
