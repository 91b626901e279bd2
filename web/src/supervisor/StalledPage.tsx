/**
 * 滞留案件: open cases in the supervisor's region that are stuck (GET /v1/supervision/stalled), filtered by
 * department, stage, overdue, not claimed in time (签收超时), waiting for a rework decision (待决定返工), idle time
 * and region; each opens the case page, where the supervisor acts.
 */
import { Button, Checkbox, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { AwaitingDecisionTag, ClaimOverdueTag } from '../common/DeadlineTags';
import { useDepartmentName, useRegionName } from '../common/directory';
import { useCaseColumns } from '../common/case-list-columns';
import { formatInstant } from '../common/time';
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

type StalledItem = Schemas['StalledItem'];
type Stage = Schemas['Stage'];

const STAGES: readonly Stage[] = OPEN_STAGES;
const IDLE = ['P1D', 'P3D', 'P7D'] as const;

interface Filters {
  department?: string;
  stage?: Stage;
  overdue?: boolean;
  claimOverdue?: boolean;
  awaitingDecision?: boolean;
  idleFor?: string;
  region?: string[];
}

export function StalledList() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const departmentName = useDepartmentName();
  const regionName = useRegionName();
  const caseColumns = useCaseColumns<StalledItem>();
  const query = {
    pageSize: 100,
    ...(filters.department === undefined ? {} : { department: filters.department }),
    ...(filters.stage === undefined ? {} : { stage: filters.stage }),
    ...(filters.overdue === true ? { overdue: 'true' as const } : {}),
    ...(filters.claimOverdue === true ? { claimOverdue: 'true' as const } : {}),
    ...(filters.awaitingDecision === true ? { awaitingDecision: 'true' as const } : {}),
    ...(filters.idleFor === undefined ? {} : { idleFor: filters.idleFor }),
    ...pickedRegion(filters.region),
  };
  const { query: stalled, items } = usePagedList(['stalled', query], async (pageToken) =>
    unwrap(
      await api.GET('/v1/supervision/stalled', {
        params: { query: { ...query, ...pageTokenOf(pageToken) } },
      }),
    ),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 className="page-title">{t('supervision.stalled')}</h1>
      <Form<Filters> layout="inline" onFinish={setFilters} style={{ rowGap: 8 }}>
        <DepartmentFilter label={t('supervision.department')} />
        <StageFilter stages={STAGES} />
        <Form.Item name="idleFor" label={t('supervision.idleFor')}>
          <Select
            allowClear
            style={{ minWidth: 100 }}
            options={IDLE.map((value) => ({ value, label: t(`supervision.idle.${value}`) }))}
          />
        </Form.Item>
        <RegionFilter label={t('supervision.region')} />
        <OverdueFilter />
        <Form.Item name="claimOverdue" valuePropName="checked">
          <Checkbox>{t('supervision.claimOverdue')}</Checkbox>
        </Form.Item>
        <Form.Item name="awaitingDecision" valuePropName="checked">
          <Checkbox>{t('supervision.awaitingDecision')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form>
      <ProblemAlert error={stalled.error} />
      <Table<StalledItem>
        rowKey="caseId"
        size="small"
        loading={stalled.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          ...caseColumns,
          {
            title: t('supervision.stage'),
            dataIndex: 'stage',
            render: (stage: string) => t(`stage.${stage}`),
          },
          { title: t('supervision.region'), dataIndex: 'region', render: (code: string) => regionName(code) },
          {
            title: t('supervision.waitingOn'),
            dataIndex: 'waitingOn',
            render: (waiting: string[]) => waiting.map((dept) => departmentName(dept)).join('、'),
          },
          {
            title: t('supervision.nextDueAt'),
            render: (_: unknown, item) => (
              <Space size={4}>
                {formatInstant(item.nextDueAt)}
                {item.overdue ? <Tag color="red">{t('case.overdue')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('supervision.marks'),
            render: (_: unknown, item) => (
              <Space size={4}>
                {item.claimOverdue ? <ClaimOverdueTag /> : null}
                {item.awaitingDecision ? <AwaitingDecisionTag /> : null}
              </Space>
            ),
          },
          {
            title: t('supervision.lastProgressAt'),
            dataIndex: 'lastProgressAt',
            render: (at: string) => formatInstant(at),
          },
        ]}
      />
      <MoreButton list={stalled} label="…" />
    </Space>
  );
}
