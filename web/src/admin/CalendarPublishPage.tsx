/**
 * 日历发布 (admins): publishing a revision of a working calendar (docs/calendar-revisions.md). The calendar file's
 * content, pasted or read from a file (YAML or JSON, the keys of the files in config/calendars/), is sent as
 * `POST /v1/calendars/{name}/revisions`; the API's problems are shown at their keys. The revision and its batch over
 * running cases are then followed (`GET …/revisions/{revision}`, every two seconds until done), also from the
 * page's address (`/app/calendars?calendar=cn-mainland&revision=2`), so a publication can be looked up later.
 * The editor can start from a calendar as new cases now pin it (`GET /v1/calendars/{calendar}`: its latest
 * revision as published, or its file), so that an admin changes only what changes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { parse, stringify } from 'yaml';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { formatInstant, offsetOf } from '../common/time';

type CurrentCalendar = Schemas['CurrentCalendar'];
type Progress = NonNullable<Schemas['CalendarRevision']['publication']>;
type CaseOutcome = Progress['cases'][number];

const STATUS_COLOR: Record<Progress['status'], string> = {
  selecting: 'blue',
  revising: 'gold',
  completed: 'green',
};
const OUTCOME_COLOR: Record<CaseOutcome['outcome'], string> = {
  revised: 'green',
  skipped: 'default',
  refused: 'orange',
  failed: 'red',
};

/** The calendar file's content as the API takes it, and the calendar it names; throws why it cannot be read. */
function calendarFile(text: string, t: TFunction) {
  let content: unknown;
  try {
    content = parse(text);
  } catch (error) {
    throw new Error(t('calendars.unreadable', { error: error instanceof Error ? error.message : '' }));
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new Error(t('calendars.notAMap'));
  }
  const fields: Record<string, unknown> = { ...content };
  if (typeof fields.name !== 'string' || fields.name === '') throw new Error(t('calendars.noName'));
  return { name: fields.name, content: fields };
}

/** An instant as written, with "UTC" when the API wrote it in UTC (publications are stamped so). */
function formatStamp(at: string): string {
  return offsetOf(at) === '+00:00' ? `${formatInstant(at)} UTC` : formatInstant(at);
}

function PublicationProgress({ calendar, revision }: { calendar: string; revision: number }) {
  const { t } = useTranslation();
  const followed = useQuery({
    queryKey: ['calendar-revision', calendar, revision],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/calendars/{calendar}/revisions/{revision}', {
          params: { path: { calendar, revision } },
        }),
      ),
    refetchInterval: (query) => {
      const publication = query.state.data?.publication;
      return publication === undefined || publication === null || publication.status === 'completed'
        ? false
        : 2_000;
    },
  });
  if (followed.isError) return <ProblemAlert error={followed.error} />;
  const data = followed.data;
  if (data === undefined) return null;
  const publication = data.publication;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-revision">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('calendars.calendar')}>{data.calendar}</Descriptions.Item>
        <Descriptions.Item label={t('calendars.revision')}>{data.revision}</Descriptions.Item>
        <Descriptions.Item label={t('calendars.publishedBy')}>{data.publishedBy}</Descriptions.Item>
        <Descriptions.Item label={t('calendars.publishedAt')}>
          {formatStamp(data.publishedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('calendars.digest')}>{data.digest.slice(0, 12)}</Descriptions.Item>
        {publication === null ? null : (
          <>
            <Descriptions.Item label={t('calendars.status')}>
              <Tag color={STATUS_COLOR[publication.status]}>
                {t(`calendars.statuses.${publication.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('calendars.progress')}>
              {`${publication.done} / ${publication.selected}`}
            </Descriptions.Item>
            {Object.entries(publication.counts).map(([outcome, count]) => (
              <Descriptions.Item key={outcome} label={t(`calendars.outcomes.${outcome}`)}>
                {count}
              </Descriptions.Item>
            ))}
          </>
        )}
      </Descriptions>
      {publication === null ? (
        <Alert type="info" showIcon message={t('calendars.forgotten')} />
      ) : (
        <Table<CaseOutcome>
          rowKey="caseId"
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={[...publication.cases]}
          locale={{ emptyText: t('calendars.noCases') }}
          columns={[
            {
              title: t('inbox.case'),
              dataIndex: 'caseId',
              render: (caseId: string) => <Link to={`/cases/${encodeURIComponent(caseId)}`}>{caseId}</Link>,
            },
            {
              title: t('calendars.outcome'),
              dataIndex: 'outcome',
              render: (outcome: CaseOutcome['outcome']) => (
                <Tag color={OUTCOME_COLOR[outcome]}>{t(`calendars.outcomes.${outcome}`)}</Tag>
              ),
            },
            {
              title: t('common.note'),
              render: (_: unknown, item) =>
                item.outcome === 'revised' ? t('calendars.moved', { count: item.moved }) : item.reason,
            },
          ]}
        />
      )}
    </Space>
  );
}

/** What loading a calendar's current content told: which revision was loaded, or why it could not be. */
function loadedMessage(
  current: CurrentCalendar,
  t: TFunction,
): { type: 'success' | 'warning'; text: string } {
  const { calendar, revision } = current;
  if (current.source === null)
    return { type: 'warning', text: t('calendars.noSource', { calendar, revision }) };
  if (revision === 0) return { type: 'success', text: t('calendars.loadedFile', { calendar }) };
  return {
    type: 'success',
    text: t('calendars.loadedRevision', {
      calendar,
      revision,
      publishedBy: current.publishedBy ?? '',
      publishedAt: current.publishedAt === undefined ? '' : formatStamp(current.publishedAt),
    }),
  };
}

/** Picks a calendar and puts its current content (as YAML) into the editor through `onLoaded`. */
function CurrentCalendarLoader({ onLoaded }: { onLoaded: (text: string) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string>();
  const listed = useQuery({
    queryKey: ['calendars'],
    queryFn: async () => unwrap(await api.GET('/v1/calendars')),
  });
  const load = useMutation({
    mutationFn: async (calendar: string) =>
      unwrap(await api.GET('/v1/calendars/{calendar}', { params: { path: { calendar } } })),
    onSuccess: (current) => {
      if (current.source !== null) onLoaded(stringify(current.source));
    },
  });
  const message = load.data === undefined ? undefined : loadedMessage(load.data, t);
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap>
        <span>{t('calendars.current')}</span>
        <Select
          aria-label={t('calendars.toLoad')}
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          loading={listed.isLoading}
          value={picked}
          onChange={setPicked}
          options={(listed.data?.items ?? []).map(({ calendar, revision }) => ({
            value: calendar,
            label: `${calendar} · ${t('calendars.revision')} ${revision}`,
          }))}
        />
        <Button
          disabled={picked === undefined}
          loading={load.isPending}
          onClick={() => picked !== undefined && load.mutate(picked)}
        >
          {t('calendars.load')}
        </Button>
      </Space>
      <ProblemAlert error={listed.error ?? load.error} />
      {message === undefined ? null : (
        <Alert type={message.type} showIcon message={message.text} data-testid="calendar-loaded" />
      )}
    </Space>
  );
}

export function CalendarPublishPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ text: string }>();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: async (text: string) => {
      const file = calendarFile(text, t);
      return unwrap(
        await api.POST('/v1/calendars/{calendar}/revisions', {
          params: { path: { calendar: file.name } },
          body: file.content,
        }),
      );
    },
    onSuccess: (revision) => {
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
      setParams({ calendar: revision.calendar, revision: String(revision.revision) });
    },
  });
  const calendar = params.get('calendar');
  const revision = Number(params.get('revision'));
  const following = calendar !== null && Number.isInteger(revision) && revision > 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">{t('calendars.title')}</h1>
      <Card size="small" title={<h2 className="section-title">{t('calendars.publish')}</h2>}>
        <Form form={form} layout="vertical" onFinish={({ text }) => publish.mutate(text)}>
          <Alert type="info" showIcon message={t('calendars.intro')} style={{ marginBottom: 16 }} />
          <CurrentCalendarLoader onLoaded={(text) => form.setFieldsValue({ text })} />
          <Form.Item name="text" label={t('calendars.file')} rules={[{ required: true }]}>
            <Input.TextArea rows={14} spellCheck={false} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <ProblemAlert error={publish.error} />
          <Space style={{ marginTop: 16 }}>
            <Upload
              accept=".yaml,.yml,.json"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then((text) => form.setFieldsValue({ text }));
                return false;
              }}
            >
              <Button>{t('calendars.choose')}</Button>
            </Upload>
            <Button type="primary" htmlType="submit" loading={publish.isPending}>
              {t('calendars.submit')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card size="small" title={<h2 className="section-title">{t('calendars.follow')}</h2>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Form<{ calendar: string; revision: number }>
            key={following ? `${calendar}/${revision}` : 'none'}
            layout="inline"
            initialValues={following ? { calendar, revision } : {}}
            onFinish={(values) =>
              setParams({ calendar: values.calendar.trim(), revision: String(values.revision) })
            }
            style={{ rowGap: 8 }}
          >
            <Form.Item name="calendar" label={t('calendars.calendar')} rules={[{ required: true }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="revision" label={t('calendars.revision')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
            <Button htmlType="submit">{t('calendars.show')}</Button>
          </Form>
          {following ? <PublicationProgress calendar={calendar} revision={revision} /> : null}
        </Space>
      </Card>
    </Space>
  );
}
