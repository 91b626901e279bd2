/**
 * 返工决定: a check failed more times than its rework allows (`rework.onExceeded: decide`) and the case waits for a
 * supervisor: one more rework round, the round given to another department (which task of the round it takes,
 * the rework's `goto` by default), or closing the case as unresolved (POST …/steps/{stepId}/rework/decision).
 */
import { Alert, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ActionModal } from '../common/ActionModal';
import { useDepartments } from '../common/directory';
import { stepSpec, type FlowDefinition } from '../common/flows';
import { stepTitleIn } from '../common/step-language';
import { formatInstant } from '../common/time';
import { useCaseAction, type CaseView, type StepView } from './case-queries';

type Decision = 'another-round' | 'reassign' | 'close-unresolved';
const DECISIONS = {
  'another-round': 'rework.anotherRound',
  reassign: 'rework.reassign',
  'close-unresolved': 'rework.closeUnresolved',
} as const satisfies Record<Decision, string>;

interface DecisionValues {
  decision: Decision;
  department?: string;
  reassignStepId?: string;
  note?: string;
}

/** The tasks a rework round runs again, in flow order: from its `goto` up to the step that checks. */
export function reworkedTasks(view: CaseView, checkStepId: string, goto: string | undefined): StepView[] {
  const from = view.steps.findIndex((step) => step.id === goto);
  const to = view.steps.findIndex((step) => step.id === checkStepId);
  if (from < 0 || to < from) return [];
  return view.steps.slice(from, to).filter((step) => step.kind === 'task');
}

/** The body the API accepts for the decision: a department and a step only with `reassign`. */
function decisionBody(values: DecisionValues) {
  const note = values.note?.trim() ?? '';
  return {
    decision: values.decision,
    ...(values.decision === 'reassign' && values.department !== undefined
      ? { department: values.department }
      : {}),
    ...(values.decision === 'reassign' && values.reassignStepId !== undefined
      ? { reassignStepId: values.reassignStepId }
      : {}),
    ...(note === '' ? {} : { note }),
  };
}

export function ReworkDecision({
  view,
  step,
  definition,
}: {
  view: CaseView;
  step: StepView;
  definition: FlowDefinition | undefined;
}) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments().data ?? [];
  const goto = stepSpec(definition, step.id)?.rework?.goto;
  const tasks = reworkedTasks(view, step.id, goto);
  const decide = useCaseAction(
    view.caseId,
    async (values: DecisionValues) =>
      unwrap(
        await api.POST('/v1/cases/{caseId}/steps/{stepId}/rework/decision', {
          params: { path: { caseId: view.caseId, stepId: step.id } },
          body: decisionBody(values),
        }),
      ),
    t('rework.decided'),
  );
  const pending = step.reworkDecision;
  if (pending === undefined) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        message={t('rework.waiting', {
          step: stepTitleIn(step, i18n.language),
          reworks: pending.reworks,
          since: formatInstant(pending.since),
        })}
        action={
          <ActionModal<DecisionValues>
            label={t('rework.decide')}
            title={`${t('rework.decide')} · ${stepTitleIn(step, i18n.language)}`}
            buttonProps={{ type: 'primary' }}
            initialValues={{
              decision: 'another-round',
              ...(goto === undefined ? {} : { reassignStepId: goto }),
            }}
            onSubmit={(values) => decide.mutateAsync(values)}
          >
            <Form.Item name="decision" label={t('rework.decision')} rules={[{ required: true }]}>
              <Radio.Group>
                {Object.entries(DECISIONS).map(([value, label]) => (
                  <Radio key={value} value={value}>
                    {t(label)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item noStyle dependencies={['decision']}>
              {({ getFieldValue }) =>
                getFieldValue('decision') === 'reassign' ? (
                  <>
                    <Form.Item name="department" label={t('rework.department')} rules={[{ required: true }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={departments.map((department) => ({
                          value: department.id,
                          label: department.name,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name="reassignStepId" label={t('rework.reassignStep')}>
                      <Select
                        options={tasks.map((task) => ({
                          value: task.id,
                          label: `${stepTitleIn(task, i18n.language)} (${task.id})`,
                        }))}
                      />
                    </Form.Item>
                  </>
                ) : null
              }
            </Form.Item>
            <Form.Item name="note" label={t('common.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </ActionModal>
        }
      />
    </Space>
  );
}
