/**
 * What a supervisor does with a case (督办): 催办 urge, 改派 reassign, emergency (open, re-grade, close),
 * suspend, resume, cancel, 数据更正 (DataCorrection). Each result shows on the timeline. Deciding a pending request
 * and 重试 of a step in an incident sit on the step's row (StepsTable).
 */
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ActionModal } from '../common/ActionModal';
import { useDepartments } from '../common/directory';
import type { FieldMap } from '../common/flows';
import { stepTitleIn } from '../common/step-language';
import { useCaseAction, type CaseView } from './case-queries';
import { DataCorrection } from './DataCorrection';

const isOpen = (status: string) => status === 'active' || status === 'claimed';

function StepSelect({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const steps = view.steps.filter((step) => isOpen(step.status));
  return (
    <Form.Item name="stepId" label={t('supervision.step')} rules={[{ required: true }]}>
      <Select
        options={steps.map((step) => ({
          value: step.id,
          label: `${stepTitleIn(step, i18n.language)} (${step.id})`,
        }))}
      />
    </Form.Item>
  );
}

function ReasonField({ required = true }: { required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="reason" label={t('common.reason')} rules={[{ required }]}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
}

export interface SupervisorActionsProps {
  readonly view: CaseView;
  /** The flow's `data` fields (undefined until its definition has come: no 数据更正 before). */
  readonly dataFields: FieldMap | undefined;
  /** The offset of the case's calendar, for times the user enters. */
  readonly offset: string;
}

export function SupervisorActions({ view, dataFields, offset }: SupervisorActionsProps) {
  const { t } = useTranslation();
  const caseId = view.caseId;
  const path = { caseId };
  const departments = useDepartments().data ?? [];
  const done = t('supervision.done');
  const firstOpen = view.steps.find((step) => isOpen(step.status))?.id;
  const urge = useCaseAction(
    caseId,
    async (body: { stepId: string; note?: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/urge', { params: { path }, body })),
    done,
  );
  const reassign = useCaseAction(
    caseId,
    async (body: { stepId: string; department: string; reason: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/reassign', { params: { path }, body })),
    done,
  );
  const emergency = useCaseAction(
    caseId,
    async (body: { level: number; reason: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/emergency', { params: { path }, body })),
    done,
  );
  const suspend = useCaseAction(
    caseId,
    async (body: { reason: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/suspend', { params: { path }, body })),
    done,
  );
  const resume = useCaseAction(
    caseId,
    async (body: { reason: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/resume', { params: { path }, body })),
    done,
  );
  const cancel = useCaseAction(
    caseId,
    async (body: { reason: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/cancel', { params: { path }, body })),
    done,
  );
  if (view.status === 'closed' || view.status === 'cancelled') return null;
  const hasOpenStep = firstOpen !== undefined;
  return (
    <Space wrap>
      {hasOpenStep ? (
        <ActionModal<{ stepId: string; note?: string }>
          label={t('supervision.urge')}
          buttonProps={{ type: 'primary' }}
          initialValues={{ stepId: firstOpen }}
          onSubmit={(values) => urge.mutateAsync(values)}
        >
          <StepSelect view={view} />
          <Form.Item name="note" label={t('common.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionModal>
      ) : null}
      {hasOpenStep ? (
        <ActionModal<{ stepId: string; department: string; reason: string }>
          label={t('supervision.reassign')}
          initialValues={{ stepId: firstOpen }}
          onSubmit={(values) => reassign.mutateAsync(values)}
        >
          <StepSelect view={view} />
          <Form.Item name="department" label={t('supervision.department')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={departments.map((department) => ({ value: department.id, label: department.name }))}
            />
          </Form.Item>
          <ReasonField />
        </ActionModal>
      ) : null}
      <ActionModal<{ level: number; reason: string }>
        label={t('supervision.emergency')}
        buttonProps={{ danger: true }}
        initialValues={{ level: view.emergencyLevel === 0 ? 4 : view.emergencyLevel }}
        onSubmit={(values) => emergency.mutateAsync(values)}
      >
        <Form.Item
          name="level"
          label={`${t('supervision.level')} (0 = ${t('supervision.levelNone')})`}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={4} precision={0} />
        </Form.Item>
        <ReasonField />
      </ActionModal>
      {view.status === 'suspended' ? (
        <ActionModal<{ reason: string }>
          label={t('supervision.resume')}
          onSubmit={(values) => resume.mutateAsync(values)}
        >
          <ReasonField />
        </ActionModal>
      ) : (
        <ActionModal<{ reason: string }>
          label={t('supervision.suspend')}
          onSubmit={(values) => suspend.mutateAsync(values)}
        >
          <ReasonField />
        </ActionModal>
      )}
      {dataFields === undefined ? null : (
        // Mounted afresh when the case's data changes: the form starts from the values now.
        <DataCorrection
          key={JSON.stringify([view.data, view.priority])}
          view={view}
          fields={dataFields}
          offset={offset}
        />
      )}
      <ActionModal<{ reason: string }>
        label={t('supervision.cancelCase')}
        buttonProps={{ danger: true }}
        onSubmit={(values) => cancel.mutateAsync(values)}
      >
        <ReasonField />
      </ActionModal>
    </Space>
  );
}
