/**
 * One flow: its diagram and its deadlines explained for a start time the designer picks
 * (GET /v1/flows/{flowId}/explanation). The start is a wall-clock time in the flow calendar's zone, whose offset
 * the first explanation (from now) reveals.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { Loading, ProblemAlert } from '../app/StatusPages';
import { localized, useFlowDefinition } from '../common/flows';
import { formatInstant, offsetOf } from '../common/time';
import { MermaidDiagram } from './MermaidDiagram';

type FlowExplanation = Schemas['FlowExplanation'];
type StepExplanation = FlowExplanation['steps'][number];

type ExplainedSla = NonNullable<StepExplanation['sla']>;

/** `1 小时 · 工作时间 · 签收起算` / `1h · working · claimed`: the amount, the clock and the start in the UI's language. */
function slaText(sla: ExplainedSla | null, t: TFunction): string {
  if (sla === null) return '';
  const sign = sla.days < 0 || sla.minutes < 0 ? '-' : '';
  const days = Math.abs(sla.days);
  const minutes = Math.abs(sla.minutes);
  const parts = [
    days === 0 ? '' : t(sla.clock === 'working' ? 'sla.workingDays' : 'sla.days', { count: days }),
    Math.floor(minutes / 60) === 0 ? '' : t('sla.hours', { count: Math.floor(minutes / 60) }),
    minutes % 60 === 0 ? '' : t('sla.minutes', { count: minutes % 60 }),
  ].filter((part) => part !== '');
  const amount = `${sign}${parts.length === 0 ? '0' : parts.join(' ')}`;
  const claimed = sla.starts === 'claimed' ? ` · ${t('sla.claimed')}` : '';
  return `${amount} · ${t(`sla.${sla.clock}`)}${claimed}`;
}

export function FlowPage() {
  const { t, i18n } = useTranslation();
  const { flowId = '' } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version') === null ? undefined : Number(search.get('version'));
  const definition = useFlowDefinition(flowId, version);
  const [start, setStart] = useState<string>(() => new Date().toISOString());
  const [profile, setProfile] = useState<string | undefined>(undefined);
  const explanation = useQuery({
    queryKey: ['explanation', flowId, version, start, profile],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/flows/{flowId}/explanation', {
          params: {
            path: { flowId },
            query: {
              start,
              ...(profile === undefined ? {} : { profile }),
              ...(version === undefined ? {} : { version }),
            },
          },
        }),
      ),
  });
  if (definition.isPending) return <Loading />;
  if (definition.isError) return <ProblemAlert error={definition.error} />;
  const flow = definition.data;
  const offset = explanation.data === undefined ? undefined : offsetOf(explanation.data.start);
  const profiles = Object.keys(flow.profiles ?? {});
  const pick = (values: { at?: Dayjs; profile?: string }) => {
    if (values.at !== undefined && offset !== undefined)
      setStart(`${values.at.format('YYYY-MM-DDTHH:mm')}:00${offset}`);
    setProfile(values.profile === '' ? undefined : values.profile);
  };
  const limits = explanation.data;
  const explained = (limit: { explanation: string; explanationZh: string }) =>
    i18n.language === 'en' ? limit.explanation : limit.explanationZh;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">
        {localized(flow.title, i18n.language, flow.id)} <Tag>v{flow.version}</Tag>
      </h1>
      <Card title={<h2 className="section-title">{t('designer.diagram')}</h2>}>
        <MermaidDiagram source={flow.diagram} label={`${t('designer.diagram')}: ${flow.id}`} />
      </Card>
      <Card title={<h2 className="section-title">{t('designer.deadlines')}</h2>}>
        <Form
          layout="inline"
          onFinish={pick}
          initialValues={{ profile: '' }}
          style={{ rowGap: 8, marginBottom: 16 }}
        >
          <Form.Item name="at" label={`${t('designer.start')}${offset === undefined ? '' : ` (${offset})`}`}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              placeholder={formatInstant(limits?.start)}
            />
          </Form.Item>
          <Form.Item name="profile" label={t('designer.profile')}>
            <Select
              style={{ minWidth: 160 }}
              options={[
                { value: '', label: t('designer.profileDefault') },
                ...profiles.map((name) => ({ value: name, label: name })),
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('designer.explanation')}
          </Button>
        </Form>
        <ProblemAlert error={explanation.error} />
        {limits === undefined ? null : (
          <>
            <Typography.Paragraph>
              {t('designer.start')}:{' '}
              <strong data-testid="explain-start">{formatInstant(limits.start)}</strong> ·{' '}
              {limits.flow.calendar}
            </Typography.Paragraph>
            <Table<StepExplanation>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 800 }}
              dataSource={limits.steps}
              columns={[
                { title: t('designer.step'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
                {
                  title: t('inbox.stage'),
                  dataIndex: 'stage',
                  render: (stage: string) => t(`stage.${stage}`),
                },
                {
                  title: t('designer.sla'),
                  dataIndex: 'sla',
                  render: (sla: ExplainedSla | null) => slaText(sla, t),
                },
                {
                  title: t('designer.dueAt'),
                  dataIndex: 'dueAt',
                  render: (at: string | null) => formatInstant(at),
                },
                {
                  title: t('designer.explanation'),
                  render: (_: unknown, step) => explained(step),
                },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 16 }}>
              {t('designer.caseLimit')}: {formatInstant(limits.case.dueAt)} {explained(limits.case)}
            </Typography.Paragraph>
            {limits.review === null ? null : (
              <Typography.Paragraph>
                {t('designer.reviewLimit')}: {formatInstant(limits.review.dueAt)} {explained(limits.review)}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </Space>
  );
}
