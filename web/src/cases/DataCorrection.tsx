/**
 * 数据更正 (supervisor, admin): the case's data fields as a form generated from the flow's `data` (titles and types,
 * the current values filled in) and its priority, with a required reason; a confirmation lists each change before
 * `POST /v1/cases/{caseId}/data` sends only the changed fields. The server's 422 shows at the field; the timeline then
 * shows the correction and who made it.
 */
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, unwrap } from '../api/client';
import { ActionModal } from '../common/ActionModal';
import { formatFieldValue } from '../common/field-values';
import { localized, type FieldMap } from '../common/flows';
import { SchemaFields, showServerErrors } from '../common/SchemaFields';
import { useCaseAction, type CaseView } from './case-queries';
import { dataChanges, formValuesOf } from './data-correction';

type Priority = CaseView['priority'];

interface CorrectionValues {
  data?: Record<string, unknown>;
  priority: Priority;
  reason: string;
}

interface CorrectionBody {
  data?: Record<string, unknown>;
  priority?: Priority;
  reason: string;
}

export function DataCorrection({
  view,
  fields,
  offset,
}: {
  view: CaseView;
  fields: FieldMap;
  offset: string;
}) {
  const { t, i18n } = useTranslation();
  const correct = useCaseAction(
    view.caseId,
    async (body: CorrectionBody) =>
      unwrap(
        await api.POST('/v1/cases/{caseId}/data', {
          params: { path: { caseId: view.caseId }, header: { 'idempotency-key': idempotencyKey() } },
          body,
        }),
      ),
    t('correction.done'),
  );
  const title = (name: string) => localized(fields[name]?.title, i18n.language, name);
  const valueOf = (name: string, value: unknown) => formatFieldValue(value, t, fields[name], i18n.language);
  const priorityName = (priority: Priority) =>
    priority === 'urgent' ? t('case.priorityUrgent') : t('case.priorityNormal');

  /** The body to send, or an Error (shown in the form) when nothing changes or a field was emptied. */
  const bodyOf = (values: CorrectionValues): CorrectionBody & { lines: string[] } => {
    const { changes, emptied } = dataChanges(fields, view.data, values.data, offset);
    if (emptied.length > 0)
      throw new Error(t('correction.cannotEmpty', { fields: emptied.map(title).join('、') }));
    const priority = values.priority === view.priority ? undefined : values.priority;
    if (changes.length === 0 && priority === undefined) throw new Error(t('correction.nothingChanged'));
    const lines = changes.map(
      ({ name, before, after }) =>
        `${title(name)}: ${valueOf(name, before) || t('common.none')} → ${valueOf(name, after)}`,
    );
    if (priority !== undefined)
      lines.push(`${t('case.priority')}: ${priorityName(view.priority)} → ${priorityName(priority)}`);
    return {
      ...(changes.length === 0 ? {} : { data: Object.fromEntries(changes.map((c) => [c.name, c.after])) }),
      ...(priority === undefined ? {} : { priority }),
      reason: values.reason,
      lines,
    };
  };

  return (
    <ActionModal<CorrectionValues>
      label={t('correction.correct')}
      initialValues={{ data: formValuesOf(fields, view.data), priority: view.priority }}
      confirm={(values) => (
        <div data-testid="correction-confirm">
          <Typography.Paragraph>{t('correction.confirm')}</Typography.Paragraph>
          {bodyOf(values).lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
      onSubmit={(values) => {
        const { lines: _lines, ...body } = bodyOf(values);
        return correct.mutateAsync(body);
      }}
      placeErrors={(form, error) => showServerErrors(form, error, 'data', fields)}
    >
      <SchemaFields fields={fields} prefix="data" />
      <Form.Item name="priority" label={t('case.priority')} rules={[{ required: true }]}>
        <Select
          options={(['normal', 'urgent'] as const).map((value) => ({ value, label: priorityName(value) }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('correction.reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionModal>
  );
}
