/**
 * The marks a deadline or a case can carry wherever it is listed (inbox, stalled list, case page): 签收超时 (a task
 * not claimed within its claim limit), 待决定返工 (too many reworks, waiting for a supervisor's decision) and 暂定 (a
 * deadline counted through a year whose holiday arrangement is not published yet), with why in a tooltip.
 */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export function ClaimOverdueTag() {
  const { t } = useTranslation();
  return <Tag color="red">{t('deadline.claimOverdue')}</Tag>;
}

export function AwaitingDecisionTag() {
  const { t } = useTranslation();
  return <Tag color="volcano">{t('deadline.awaitingDecision')}</Tag>;
}

/**
 * 暂定 beside a deadline the API marked provisional; `reason` is the API's `dueProvisional`. The tooltip says in the
 * user's words why the deadline may move, then the server's reason. Focusable, so keyboard users reach it too.
 */
export function ProvisionalMark({ reason }: { reason: string | undefined }) {
  const { t } = useTranslation();
  if (reason === undefined) return null;
  const why = `${t('deadline.provisionalWhy')} (${reason})`;
  return (
    <Tooltip title={why}>
      <Tag color="gold" tabIndex={0} aria-label={`${t('deadline.provisional')}: ${why}`}>
        {t('deadline.provisional')}
      </Tag>
    </Tooltip>
  );
}
