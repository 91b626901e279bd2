/**
 * 受理: start a case. The service (flow), the region from the directory's tree (within the seat's region), the
 * priority, and the case data through a form generated from the flow's `data` fields; the server's 422 field
 * errors appear at their fields.
 */
import { Alert, Button, Card, Cascader, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { useSession } from '../auth/session';
import { useRegions } from '../common/directory';
import { localized, useFlowDefinition, useFlowList } from '../common/flows';
import { fieldValues, SchemaFields, showServerErrors } from '../common/SchemaFields';
import { regionOptions } from './region-tree';

interface StartValues {
  flowId: string;
  region: string[];
  priority: 'normal' | 'urgent';
  title?: string;
  data?: Record<string, unknown>;
}

/** Latest version of each flow. */
function latestFlows(items: readonly { id: string; version: number; title: { zh?: string; en?: string } }[]) {
  const latest = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    const known = latest.get(item.id);
    if (known === undefined || known.version < item.version) latest.set(item.id, item);
  }
  return [...latest.values()];
}

export function StartCasePage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const flowId = Form.useWatch('flowId', form);
  const flows = useFlowList();
  const definition = useFlowDefinition(flowId);
  const regions = useRegions();
  const [error, setError] = useState<unknown>(undefined);
  const [started, setStarted] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const dataFields = definition.data?.data ?? {};

  const submit = async (values: StartValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const view = unwrap(
        await api.POST('/v1/cases', {
          body: {
            flowId: values.flowId,
            region: values.region.at(-1) ?? '',
            priority: values.priority,
            ...(values.title === undefined || values.title === '' ? {} : { title: values.title }),
            data: fieldValues(dataFields, values.data, '+08:00'),
          },
        }),
      );
      setStarted(view.caseId);
    } catch (caught) {
      if (!showServerErrors(form, caught, 'data', dataFields)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 760 }}>
      <h1 className="page-title">{t('intake.title')}</h1>
      {started === undefined ? null : (
        <Alert
          type="success"
          showIcon
          role="status"
          message={t('intake.started', { caseId: started })}
          action={
            <Link
              to={`/cases/${encodeURIComponent(started)}`}
              style={{ color: '#003eb3', textDecoration: 'underline' }}
            >
              {t('intake.openCase')}
            </Link>
          }
        />
      )}
      <Card>
        <Form<StartValues>
          form={form}
          layout="vertical"
          initialValues={{ priority: 'normal' }}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<StartValues>) => {
            if (changed.flowId !== undefined) form.setFieldValue('data', {});
          }}
        >
          <Form.Item name="flowId" label={t('intake.flow')} rules={[{ required: true }]}>
            <Select
              loading={flows.isPending}
              options={latestFlows(flows.data ?? []).map((flow) => ({
                value: flow.id,
                label: localized(flow.title, i18n.language, flow.id),
              }))}
            />
          </Form.Item>
          <Form.Item name="region" label={t('intake.region')} rules={[{ required: true }]}>
            <Cascader
              changeOnSelect
              showSearch
              options={regionOptions(regions.data ?? [], me?.role === 'admin' ? undefined : me?.region)}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('intake.priority')}>
            <Select
              options={[
                { value: 'normal', label: t('case.priorityNormal') },
                { value: 'urgent', label: t('case.priorityUrgent') },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={t('intake.caseTitle')}>
            <Input />
          </Form.Item>
          <SchemaFields fields={dataFields} prefix="data" />
          <ProblemAlert error={error} />
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
            {t('common.submit')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={<h2 className="section-title">{t('intake.find')}</h2>}>
        <Form
          layout="inline"
          onFinish={(values: { caseId: string }) =>
            void navigate(`/cases/${encodeURIComponent(values.caseId.trim())}`)
          }
        >
          <Form.Item name="caseId" label={t('intake.caseId')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit">{t('common.open')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
