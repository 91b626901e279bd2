/** The case's timeline, oldest first: when, what, which step, who (or the system). */
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../common/time';
import type { TimelineEntry } from './case-queries';

export function CaseTimeline({ items }: { items: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={items.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: entry.type.includes('overdue') || entry.type.includes('emergency') ? 'red' : 'blue',
        children: (
          <div data-testid="timeline-entry" data-type={entry.type}>
            <Typography.Text strong>{formatInstant(entry.at)}</Typography.Text> <Tag>{entry.type}</Tag>
            {entry.stepId === undefined ? null : <Tag color="geekblue">{entry.stepId}</Tag>}
            <Typography.Text type="secondary">
              {entry.actor === undefined || entry.actor.role === 'system'
                ? t('case.system')
                : `${entry.actor.sub} · ${t(`role.${entry.actor.role}`)}${entry.actor.dept === undefined ? '' : ` · ${entry.actor.dept}`}`}
            </Typography.Text>
            <div>{entry.detail}</div>
          </div>
        ),
      }))}
    />
  );
}
