/**
 * 案件查询: every case in the supervisor's region the ledger holds, open or long closed (GET /v1/cases), by case
 * number prefix, flow, status, stage, region, a department that worked on it, overdue, emergency and the days it
 * was opened or closed on, sorted and paged by the server; each opens the case page. Days are the cases' calendar's
 * days: a day picked is turned into the instant it starts in that calendar's zone (the flow's, as `GET /v1/flows`
 * gives it), so 3 月 1 日 means 3 月 1 日 in Guangzhou whatever zone the browser is set to.
 */
import { Button, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { useRegionName } from '../common/directory';
import { useCaseColumns } from '../common/case-list-columns';
import { useFlowList, useFlowTitles } from '../common/flows';
import { dayStartIn, formatInstant } from '../common/time';
import {
  DepartmentFilter,
  MoreButton,
  OPEN_STAGES,
  OverdueFilter,
  RegionFilter,
  StageFilter,
  pageTokenOf,
  pickedRegion,
  usePagedList,
} from './paged-list';

type CaseListItem = Schemas['CaseListItem'];
type CaseStage = Schemas['CaseStage'];
type CaseStatus = CaseListItem['status'];
type Sort = 'openedAt' | 'dueAt' | 'lastProgressAt' | 'closedAt';
type FlowListItem = Schemas['FlowListItem'];
/** A range of local days, first and last included. */
type Days = [Dayjs | null, Dayjs | null] | null;

const STAGES: readonly CaseStage[] = [...OPEN_STAGES, 'closed'];
const STATUSES: readonly CaseStatus[] = ['open', 'suspended', 'closed', 'cancelled'];
const SORTS = {
  openedAt: 'search.sortOpenedAt',
  dueAt: 'search.sortDueAt',
  lastProgressAt: 'search.sortLastProgressAt',
  closedAt: 'search.sortClosedAt',
} as const satisfies Record<Sort, string>;

interface Filters {
  caseIdPrefix?: string;
  flowId?: string;
  status?: CaseStatus;
  stage?: CaseStage;
  region?: string[];
  department?: string;
  overdue?: boolean;
  emergency?: boolean;
  opened?: Days;
  closed?: Days;
  sort?: Sort;
}

/** The zone of the cases' calendar: the flow's when one is picked, else the one every flow shares, if they do. */
function calendarZone(flows: readonly FlowListItem[], flowId: string | undefined): string | undefined {
  const zones = new Set(
    flows.filter((flow) => flowId === undefined || flow.id === flowId).map((flow) => flow.timezone),
  );
  return zones.size === 1 ? [...zones][0] : undefined;
}

/** The instants a range of days in `zone` spans: `from` the first day's start, `to` the start of the day after. */
function dayRange(days: Days | undefined, zone: string | undefined): { from?: string; to?: string } {
  const [first, last] = days ?? [null, null];
  if (zone === undefined) return {};
  return {
    ...(first === null ? {} : { from: dayStartIn(first.format('YYYY-MM-DD'), zone) }),
    ...(last === null ? {} : { to: dayStartIn(last.format('YYYY-MM-DD'), zone, 1) }),
  };
}

/** The API's query for the filters: only what is set; days in `zone`. */
function searchQuery(filters: Filters, zone: string | undefined) {
  const prefix = filters.caseIdPrefix?.trim() ?? '';
  const opened = dayRange(filters.opened, zone);
  const closed = dayRange(filters.closed, zone);
  return {
    pageSize: 50,
    ...(prefix === '' ? {} : { caseIdPrefix: prefix }),
    ...(filters.flowId === undefined ? {} : { flowId: filters.flowId }),
    ...(filters.status === undefined ? {} : { status: filters.status }),
    ...(filters.stage === undefined ? {} : { stage: filters.stage }),
    ...pickedRegion(filters.region),
    ...(filters.department === undefined ? {} : { department: filters.department }),
    ...(filters.overdue === true ? { overdue: 'true' as const } : {}),
    ...(filters.emergency === true ? { emergency: 'true' as const } : {}),
    ...(opened.from === undefined ? {} : { openedFrom: opened.from }),
    ...(opened.to === undefined ? {} : { openedTo: opened.to }),
    ...(closed.from === undefined ? {} : { closedFrom: closed.from }),
    ...(closed.to === undefined ? {} : { closedTo: closed.to }),
    sort: filters.sort ?? 'openedAt',
  };
}

export function CaseSearchPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const flows = useFlowList().data ?? [];
  const regionName = useRegionName();
  const flowTitles = useFlowTitles();
  const caseColumns = useCaseColumns<CaseListItem>();
  const [form] = Form.useForm<Filters>();
  const pickedFlow = Form.useWatch('flowId', form);
  const zone = calendarZone(flows, pickedFlow);
  const query = searchQuery(filters, calendarZone(flows, filters.flowId));
  /** A day range needs a zone to mean anything: refuse it while the flows disagree and none is picked. */
  const needsZone = {
    validator: (_: unknown, days: Days | undefined) =>
      days === undefined || days === null || zone !== undefined
        ? Promise.resolve()
        : Promise.reject(new Error(t('search.zoneNeedsFlow'))),
  };
  const { query: found, items } = usePagedList(['case-search', query], async (pageToken) =>
    unwrap(await api.GET('/v1/cases', { params: { query: { ...query, ...pageTokenOf(pageToken) } } })),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 className="page-title">{t('search.title')}</h1>
      <Form<Filters> form={form} layout="inline" onFinish={setFilters} style={{ rowGap: 8 }}>
        <Form.Item name="caseIdPrefix" label={t('search.caseIdPrefix')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="flowId" label={t('search.flow')}>
          <Select
            allowClear
            style={{ minWidth: 180 }}
            options={[...flowTitles].map(([id, title]) => ({ value: id, label: title }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('search.status')}>
          <Select
            allowClear
            style={{ minWidth: 110 }}
            options={STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) }))}
          />
        </Form.Item>
        <StageFilter stages={STAGES} />
        <RegionFilter label={t('search.region')} />
        <DepartmentFilter label={t('search.department')} />
        <Form.Item name="opened" label={t('search.openedBetween')} rules={[needsZone]}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="closed" label={t('search.closedBetween')} rules={[needsZone]}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="sort" label={t('search.sort')}>
          <Select
            style={{ minWidth: 120 }}
            placeholder={t(SORTS.openedAt)}
            options={Object.entries(SORTS).map(([value, label]) => ({ value, label: t(label) }))}
          />
        </Form.Item>
        <OverdueFilter />
        <Form.Item name="emergency" valuePropName="checked">
          <Checkbox>{t('search.emergency')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form>
      {zone === undefined ? null : (
        <Typography.Text type="secondary">{t('search.zone', { zone })}</Typography.Text>
      )}
      <ProblemAlert error={found.error} />
      <Table<CaseListItem>
        rowKey="caseId"
        size="small"
        loading={found.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('search.empty') }}
        scroll={{ x: 1000 }}
        columns={[
          ...caseColumns,
          {
            title: t('search.status'),
            dataIndex: 'status',
            render: (status: CaseStatus) => t(`caseStatus.${status}`),
          },
          {
            title: t('supervision.stage'),
            dataIndex: 'stage',
            render: (stage: string) => t(`stage.${stage}`),
          },
          { title: t('search.region'), dataIndex: 'region', render: (code: string) => regionName(code) },
          { title: t('case.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatInstant(at) },
          {
            title: t('case.dueAt'),
            render: (_: unknown, item) => (
              <Space size={4}>
                {formatInstant(item.dueAt)}
                {item.overdue ? <Tag color="red">{t('case.overdue')}</Tag> : null}
                {item.emergencyLevel > 0 ? <Tag color="orange">{t('case.emergency')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('search.closedAt'), dataIndex: 'closedAt', render: (at?: string) => formatInstant(at) },
        ]}
      />
      <MoreButton list={found} label={t('search.more')} />
    </Space>
  );
}
