/**
 * 滞留案件: open cases in the supervisor's region that are stuck (GET /v1/supervision/stalled), filtered by
 * department, stage, overdue, idle time and region; each opens the case page, where the supervisor acts.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Cascader, Checkbox, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { useSession } from '../auth/session';
import { regionOptions } from '../intake/region-tree';
import { useDepartmentName, useDepartments, useRegionName, useRegions } from '../common/directory';
import { formatInstant } from '../common/time';

type StalledItem = Schemas['StalledItem'];
type StalledPage = Schemas['StalledPage'];
type Stage = Schemas['Stage'];

const STAGES: readonly Stage[] = [
  'assessment',
  'mobilization',
  'action',
  'supervision',
  'emergency',
  'review',
];
const IDLE = ['P1D', 'P3D', 'P7D'] as const;

interface Filters {
  department?: string;
  stage?: Stage;
  overdue?: boolean;
  idleFor?: string;
  region?: string[];
}

export function StalledList() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const departments = useDepartments().data ?? [];
  const regions = useRegions().data ?? [];
  const departmentName = useDepartmentName();
  const regionName = useRegionName();
  const query = {
    pageSize: 100,
    ...(filters.department === undefined ? {} : { department: filters.department }),
    ...(filters.stage === undefined ? {} : { stage: filters.stage }),
    ...(filters.overdue === true ? { overdue: 'true' as const } : {}),
    ...(filters.idleFor === undefined ? {} : { idleFor: filters.idleFor }),
    ...(filters.region === undefined || filters.region.length === 0 ? {} : { region: filters.region.at(-1) }),
  };
  const stalled = useInfiniteQuery({
    queryKey: ['stalled', query],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }): Promise<StalledPage> =>
      unwrap(
        await api.GET('/v1/supervision/stalled', {
          params: { query: { ...query, ...(pageParam === undefined ? {} : { pageToken: pageParam }) } },
        }),
      ),
    getNextPageParam: (page: StalledPage) => page.nextPageToken,
  });
  const items = stalled.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 className="page-title">{t('supervision.stalled')}</h1>
      <Form<Filters> layout="inline" onFinish={setFilters} style={{ rowGap: 8 }}>
        <Form.Item name="department" label={t('supervision.department')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            options={departments.map((department) => ({ value: department.id, label: department.name }))}
          />
        </Form.Item>
        <Form.Item name="stage" label={t('supervision.stage')}>
          <Select
            allowClear
            style={{ minWidth: 120 }}
            options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
          />
        </Form.Item>
        <Form.Item name="idleFor" label={t('supervision.idleFor')}>
          <Select
            allowClear
            style={{ minWidth: 100 }}
            options={IDLE.map((value) => ({ value, label: t(`supervision.idle.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('supervision.region')}>
          <Cascader
            changeOnSelect
            style={{ minWidth: 200 }}
            options={regionOptions(regions, me?.role === 'admin' ? undefined : me?.region)}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('supervision.overdue')}</Checkbox>
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
          {
            title: t('inbox.case'),
            dataIndex: 'caseId',
            render: (caseId: string) => <Link to={`/cases/${encodeURIComponent(caseId)}`}>{caseId}</Link>,
          },
          { title: t('case.flow'), dataIndex: 'flowId' },
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
            title: t('supervision.lastProgressAt'),
            dataIndex: 'lastProgressAt',
            render: (at: string) => formatInstant(at),
          },
        ]}
      />
      {stalled.hasNextPage ? (
        <Button onClick={() => void stalled.fetchNextPage()} loading={stalled.isFetchingNextPage}>
          …
        </Button>
      ) : null}
    </Space>
  );
}
