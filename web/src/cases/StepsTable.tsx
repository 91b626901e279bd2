/**
 * The case's steps: title, stage, status (with 签收超时 and 待决定返工), round, assignee, deadline with its explanation
 * (暂定 when provisional, the claim limit while unclaimed); the assigned department acts on its open steps from here,
 * a supervisor decides pending extensions and retries a step in an incident (重试).
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { Me } from '../auth/session';
import { AwaitingDecisionTag, ClaimOverdueTag, ProvisionalMark } from '../common/DeadlineTags';
import { useDepartmentName } from '../common/directory';
import { labelledValues } from '../common/field-values';
import { stepSpec, type FlowDefinition } from '../common/flows';
import { explanationIn, stepTitleIn } from '../common/step-language';
import { formatInstant } from '../common/time';
import { useCaseAction, type CaseView, type StepView } from './case-queries';
import { DepartmentStepActions } from './DepartmentStepActions';
import { retriable, StepRetry } from './StepRetry';

const STATUS_COLOR: Record<string, string> = {
  active: 'orange',
  claimed: 'blue',
  completed: 'green',
  returned: 'purple',
  cancelled: 'default',
  skipped: 'default',
  pending: 'default',
};

/** A supervisor's decision on a pending extension (延期) or park (挂账) request. */
function RequestDecision({
  caseId,
  step,
  kind,
}: {
  caseId: string;
  step: StepView;
  kind: 'extension' | 'park';
}) {
  const { t } = useTranslation();
  const params = { path: { caseId, stepId: step.id } };
  const decide = useCaseAction(
    caseId,
    async (approve: boolean) =>
      unwrap(
        kind === 'extension'
          ? await api.POST('/v1/cases/{caseId}/steps/{stepId}/extension/decision', {
              params,
              body: { approve },
            })
          : await api.POST('/v1/cases/{caseId}/steps/{stepId}/park/decision', { params, body: { approve } }),
      ),
    t('supervision.done'),
  );
  const label = kind === 'extension' ? t('case.extension') : t('case.park');
  return (
    <Space wrap>
      <Button size="small" type="primary" onClick={() => decide.mutate(true)}>
        {`${t('case.approve')} · ${label}`}
      </Button>
      <Button size="small" onClick={() => decide.mutate(false)}>
        {t('case.refuse')}
      </Button>
    </Space>
  );
}

/** A step's deadline with its explanation (暂定 when provisional), and its claim limit while it is unclaimed. */
function StepDue({ step }: { step: StepView }) {
  const { t, i18n } = useTranslation();
  const explained = (at: string, explanation: string | undefined, provisional?: string) => (
    <div>
      <div>
        {formatInstant(at)} <ProvisionalMark reason={provisional} />
      </div>
      {explanation === undefined ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {explanation}
        </Typography.Text>
      )}
    </div>
  );
  const claimBy = step.status === 'active' ? step.claimDueAt : undefined;
  return (
    <div data-testid={`due-${step.id}`}>
      {step.dueAt === undefined
        ? null
        : explained(
            step.dueAt,
            explanationIn(step.dueExplanation, step.dueExplanationZh, i18n.language),
            step.dueProvisional,
          )}
      {claimBy === undefined ? null : (
        <div>
          <Typography.Text>{t('deadline.claimDueAt')}</Typography.Text>
          {explained(
            claimBy,
            explanationIn(step.claimDueExplanation, step.claimDueExplanationZh, i18n.language),
          )}
        </div>
      )}
    </div>
  );
}

export interface StepsTableProps {
  readonly view: CaseView;
  readonly me: Me;
  readonly definition: FlowDefinition | undefined;
  readonly offset: string;
  /** The view is the ledger's record of an open case no worker answers: no action can be applied now. */
  readonly actionsWait?: boolean;
}

/** What the step reported: each field of its result with its form title, or a service's answer. */
function StepResult({ step, definition }: { step: StepView; definition: FlowDefinition | undefined }) {
  const { t, i18n } = useTranslation();
  if (step.result === undefined) return null;
  const fields = labelledValues(step.result, stepSpec(definition, step.id)?.form, i18n.language, t);
  return (
    <div data-testid={`result-${step.id}`}>
      {fields.map(({ name, label, text }) => (
        <div key={name}>
          <Typography.Text type="secondary">{label}: </Typography.Text>
          {text}
        </div>
      ))}
    </div>
  );
}

export function StepsTable({ view, me, definition, offset, actionsWait = false }: StepsTableProps) {
  const { t, i18n } = useTranslation();
  const departmentName = useDepartmentName();
  const steps = view.steps.filter((step) => step.status !== 'pending' || step.kind === 'task');
  return (
    <Table<StepView>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 1120 }}
      dataSource={steps}
      columns={[
        {
          title: t('inbox.step'),
          dataIndex: 'title',
          width: 140,
          render: (_: string, step) => (
            <span data-testid={`step-${step.id}`}>{stepTitleIn(step, i18n.language)}</span>
          ),
        },
        {
          title: t('inbox.stage'),
          dataIndex: 'stage',
          width: 96,
          render: (stage: string) => t(`stage.${stage}`),
        },
        {
          title: t('inbox.status'),
          dataIndex: 'status',
          render: (status: string, step) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLOR[status]}>{t(`stepStatus.${status}`)}</Tag>
              {step.overdue ? <Tag color="red">{t('case.overdue')}</Tag> : null}
              {step.claimOverdue === true ? <ClaimOverdueTag /> : null}
              {step.reworkDecision === undefined ? null : <AwaitingDecisionTag />}
              {step.incident === undefined ? null : <Tag color="red">{t('case.incident')}</Tag>}
              {step.request === undefined ? null : <Tag color="gold">{t('case.pendingRequest')}</Tag>}
            </Space>
          ),
        },
        { title: t('case.round'), dataIndex: 'round', width: 64 },
        {
          title: t('case.assignee'),
          render: (_: unknown, step) =>
            step.assignee === undefined ? '' : departmentName(step.assignee.department),
        },
        {
          title: t('inbox.dueAt'),
          render: (_: unknown, step) => <StepDue step={step} />,
        },
        {
          title: t('case.result'),
          width: 220,
          render: (_: unknown, step) => <StepResult step={step} definition={definition} />,
        },
        {
          title: t('common.actions'),
          // Kept in view while the other columns scroll sideways (a clerk's phone).
          fixed: 'right',
          width: 112,
          render: (_: unknown, step) => {
            if (actionsWait) return null;
            const open = step.status === 'active' || step.status === 'claimed';
            if (
              open &&
              me.role === 'department' &&
              step.assignee?.department === me.dept &&
              step.kind === 'task'
            ) {
              const spec = stepSpec(definition, step.id);
              return (
                <DepartmentStepActions
                  caseId={view.caseId}
                  step={step}
                  form={spec?.form ?? {}}
                  allow={spec?.allow ?? []}
                  offset={offset}
                />
              );
            }
            const decides = me.role === 'supervisor' || me.role === 'admin';
            if (decides && retriable(step)) return <StepRetry caseId={view.caseId} step={step} />;
            if (decides && step.request !== undefined)
              return <RequestDecision caseId={view.caseId} step={step} kind={step.request.kind} />;
            return null;
          },
        },
      ]}
    />
  );
}
