/** 回访: the intake seat records the citizen's feedback while the review window is open; unsatisfied means 重办. */
import { Form, Input, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ActionModal } from '../common/ActionModal';
import { useCaseAction } from './case-queries';

type Satisfaction = 'satisfied' | 'basically-satisfied' | 'unsatisfied';
interface FeedbackValues {
  satisfaction: Satisfaction;
  resolved: boolean;
  fault?: 'department' | 'other';
  comment?: string;
}

export function FeedbackForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const feedback = useCaseAction(
    caseId,
    async (body: FeedbackValues) =>
      unwrap(await api.POST('/v1/cases/{caseId}/feedback', { params: { path: { caseId } }, body })),
    t('intake.feedbackSaved'),
  );
  return (
    <ActionModal<FeedbackValues>
      label={t('intake.feedback')}
      buttonProps={{ type: 'primary' }}
      initialValues={{ resolved: true }}
      onSubmit={(values) => feedback.mutateAsync(values)}
    >
      <Form.Item name="satisfaction" label={t('intake.satisfaction')} rules={[{ required: true }]}>
        <Radio.Group>
          <Radio value="satisfied">{t('intake.satisfied')}</Radio>
          <Radio value="basically-satisfied">{t('intake.basicallySatisfied')}</Radio>
          <Radio value="unsatisfied">{t('intake.unsatisfied')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="resolved" label={t('intake.resolved')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="fault" label={t('intake.fault')}>
        <Radio.Group>
          <Radio value="department">{t('intake.faultDepartment')}</Radio>
          <Radio value="other">{t('intake.faultOther')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="comment" label={t('intake.comment')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionModal>
  );
}
