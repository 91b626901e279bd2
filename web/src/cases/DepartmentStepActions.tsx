/**
 * What the assigned department does with its step: 签收 claim, 办结 complete through the step's form (the server's
 * field errors shown at the fields), 退单 return with a reason, 延期 request an extension, 挂账 request parking.
 */
import { Button, DatePicker, Form, Input, Select, Space, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, unwrap } from '../api/client';
import { ActionModal } from '../common/ActionModal';
import type { FieldMap } from '../common/flows';
import { fieldValues, SchemaFields, showServerErrors } from '../common/SchemaFields';
import { stepTitleIn } from '../common/step-language';
import { instantAt, offsetOf } from '../common/time';
import { useCaseAction, type StepView } from './case-queries';

const RETURN_REASONS = ['wrong-area', 'unclear-ownership', 'overlapping-remit', 'other'] as const;
type ReturnReason = (typeof RETURN_REASONS)[number];

export interface DepartmentStepActionsProps {
  readonly caseId: string;
  readonly step: StepView;
  readonly form: FieldMap;
  readonly allow: readonly string[];
  /** The offset of the case's calendar, for times the user enters. */
  readonly offset: string;
}

export function DepartmentStepActions({ caseId, step, form, allow, offset }: DepartmentStepActionsProps) {
  const { t, i18n } = useTranslation();
  const path = { caseId, stepId: step.id };
  const claim = useCaseAction(
    caseId,
    async () =>
      unwrap(await api.POST('/v1/cases/{caseId}/steps/{stepId}/claim', { params: { path }, body: {} })),
    t('case.claimed'),
  );
  const complete = useCaseAction(
    caseId,
    async (values: { result?: Record<string, unknown> }) =>
      unwrap(
        await api.POST('/v1/cases/{caseId}/steps/{stepId}/complete', {
          params: { path, header: { 'idempotency-key': idempotencyKey() } },
          body: { result: fieldValues(form, values.result, offset) },
        }),
      ),
    t('case.completed'),
  );
  const giveBack = useCaseAction(
    caseId,
    async (values: { reason: ReturnReason; note?: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/steps/{stepId}/return', { params: { path }, body: values })),
    t('case.returned'),
  );
  const extend = useCaseAction(
    caseId,
    async (values: { date: Dayjs; time: Dayjs; reason: string }) =>
      unwrap(
        await api.POST('/v1/cases/{caseId}/steps/{stepId}/extension', {
          params: { path },
          body: {
            until: instantAt(values.date.format('YYYY-MM-DD'), values.time.format('HH:mm'), offset),
            reason: values.reason,
          },
        }),
      ),
    t('case.requested'),
  );

  const park = useCaseAction(
    caseId,
    async (values: { reason: string }) =>
      unwrap(await api.POST('/v1/cases/{caseId}/steps/{stepId}/park', { params: { path }, body: values })),
    t('case.requested'),
  );

  return (
    <Space wrap>
      {step.status === 'active' ? (
        <Button size="small" type="primary" loading={claim.isPending} onClick={() => claim.mutate(undefined)}>
          {t('case.claim')}
        </Button>
      ) : null}
      <ActionModal<{ result?: Record<string, unknown> }>
        label={t('case.complete')}
        title={`${t('case.complete')} · ${stepTitleIn(step, i18n.language)}`}
        buttonProps={{ type: step.status === 'claimed' ? 'primary' : 'default' }}
        onSubmit={(values) => complete.mutateAsync(values)}
        placeErrors={(instance, error) => showServerErrors(instance, error, 'result', form)}
      >
        <SchemaFields fields={form} prefix="result" />
      </ActionModal>
      {allow.includes('return') ? (
        <ActionModal<{ reason: ReturnReason; note?: string }>
          label={t('case.return')}
          onSubmit={(values) => giveBack.mutateAsync(values)}
        >
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
            <Select options={RETURN_REASONS.map((value) => ({ value, label: t(`returnReason.${value}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('common.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionModal>
      ) : null}
      {allow.includes('extension') ? (
        <ActionModal<{ date: Dayjs; time: Dayjs; reason: string }>
          label={t('case.extension')}
          onSubmit={(values) => extend.mutateAsync(values)}
        >
          <Space align="start" wrap>
            <Form.Item name="date" label={`${t('case.until')} (${offset})`} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="time" label=" " rules={[{ required: true }]}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionModal>
      ) : null}
      {allow.includes('park') ? (
        <ActionModal<{ reason: string }>
          label={t('case.park')}
          onSubmit={(values) => park.mutateAsync(values)}
        >
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionModal>
      ) : null}
    </Space>
  );
}

/** The calendar offset of a case, from its own instants (the API writes them in the calendar's zone). */
export function caseOffset(view: { createdAt: string }): string {
  return offsetOf(view.createdAt) ?? '+08:00';
}
