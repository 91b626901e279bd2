/**
 * 重试 (supervisor, admin): a service or wait step in an incident (its departmental system refused the call, or could
 * not be reached for minutes) is tried again in the same round (`POST /v1/cases/{caseId}/steps/{stepId}/retry`). The
 * dialog shows what failed and when before the supervisor confirms; a task's incident (no department) is 改派's.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, unwrap } from '../api/client';
import { ActionModal } from '../common/ActionModal';
import { stepTitleIn } from '../common/step-language';
import { formatInstant } from '../common/time';
import { useCaseAction, type StepView } from './case-queries';

/** Whether a supervisor can retry the step: an open service or wait step with an incident. */
export function retriable(step: StepView): boolean {
  const open = step.status === 'active' || step.status === 'claimed';
  return open && step.incident !== undefined && step.kind !== 'task';
}

export function StepRetry({ caseId, step }: { caseId: string; step: StepView }) {
  const { t, i18n } = useTranslation();
  const retry = useCaseAction(
    caseId,
    async () =>
      unwrap(
        await api.POST('/v1/cases/{caseId}/steps/{stepId}/retry', {
          params: {
            path: { caseId, stepId: step.id },
            header: { 'idempotency-key': idempotencyKey() },
          },
          body: {},
        }),
      ),
    t('retry.done'),
  );
  return (
    <ActionModal<object>
      label={t('retry.retry')}
      title={`${t('retry.retry')} · ${stepTitleIn(step, i18n.language)}`}
      buttonProps={{ type: 'primary', danger: true }}
      onSubmit={() => retry.mutateAsync(undefined)}
    >
      <Typography.Paragraph>{t('retry.explain', { round: step.round })}</Typography.Paragraph>
      {step.incident === undefined ? null : (
        <Typography.Paragraph data-testid={`incident-${step.id}`}>
          <Typography.Text type="secondary">
            {t('retry.failedAt', { at: formatInstant(step.incident.at) })}
          </Typography.Text>
          <br />
          <Typography.Text code>{step.incident.error}</Typography.Text>
        </Typography.Paragraph>
      )}
    </ActionModal>
  );
}
