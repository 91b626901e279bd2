/**
 * The case's timeline, oldest first: when, what (named in the user's language), which step (its title), who (the
 * token's subject, role and department name, or the system), and the detail as the case recorded it.
 */
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartmentName } from '../common/directory';
import { stepTitleIn } from '../common/step-language';
import { formatInstant } from '../common/time';
import type { StepView, TimelineEntry } from './case-queries';

export function CaseTimeline({
  items,
  steps,
}: {
  items: readonly TimelineEntry[];
  steps: readonly StepView[];
}) {
  const { t, i18n } = useTranslation();
  const departmentName = useDepartmentName();
  const stepTitle = (stepId: string): string => {
    const step = steps.find((candidate) => candidate.id === stepId);
    return step === undefined ? stepId : stepTitleIn(step, i18n.language);
  };
  const typeName = (type: string): string =>
    i18n.exists(`timelineTypes.${type}`) ? t(`timelineTypes.${type}`) : type;
  return (
    <Timeline
      items={items.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: entry.type.includes('overdue') || entry.type.includes('emergency') ? 'red' : 'blue',
        children: (
          <div data-testid="timeline-entry" data-type={entry.type}>
            <Typography.Text strong>{formatInstant(entry.at)}</Typography.Text>{' '}
            <Tag title={entry.type}>{typeName(entry.type)}</Tag>
            {entry.stepId === undefined ? null : (
              <Tag color="geekblue" title={entry.stepId}>
                {stepTitle(entry.stepId)}
              </Tag>
            )}
            <Typography.Text type="secondary">
              {entry.actor === undefined || entry.actor.role === 'system'
                ? t('case.system')
                : `${entry.actor.sub} · ${t(`role.${entry.actor.role}`)}${entry.actor.dept === undefined ? '' : ` · ${departmentName(entry.actor.dept)}`}`}
            </Typography.Text>
            <div>{entry.detail}</div>
          </div>
        ),
      }))}
    />
  );
}
