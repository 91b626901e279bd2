/**
 * 待回访: the cases of the seat's region whose follow-up window is open (stage `review`, GET /v1/cases), the one
 * waiting longest first, each opening its case page, where the 回访 is recorded. Without it a seat had to know the
 * case number of every citizen to call back.
 */
import { Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { useRegionName } from '../common/directory';
import { useCaseColumns } from '../common/case-list-columns';
import { formatInstant } from '../common/time';
import { MoreButton, pageTokenOf, usePagedList } from '../supervisor/paged-list';

type CaseListItem = Schemas['CaseListItem'];

/** Cases waiting for their 回访, oldest resolution first (nothing else moves a case in this stage). */
const QUERY = { stage: 'review', sort: 'lastProgressAt', order: 'asc', pageSize: 50 } as const;

export function FollowUpListPage() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const caseColumns = useCaseColumns<CaseListItem>();
  const { query: found, items } = usePagedList(['follow-ups'], async (pageToken) =>
    unwrap(await api.GET('/v1/cases', { params: { query: { ...QUERY, ...pageTokenOf(pageToken) } } })),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 className="page-title">{t('followUps.title')}</h1>
      <ProblemAlert error={found.error} />
      <Table<CaseListItem>
        rowKey="caseId"
        size="small"
        loading={found.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('followUps.empty') }}
        scroll={{ x: 720 }}
        columns={[
          ...caseColumns,
          { title: t('search.region'), dataIndex: 'region', render: (code: string) => regionName(code) },
          { title: t('case.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatInstant(at) },
          {
            title: t('followUps.resolvedAt'),
            dataIndex: 'lastProgressAt',
            render: (at: string) => formatInstant(at),
          },
        ]}
      />
      <MoreButton list={found} label={t('search.more')} />
    </Space>
  );
}
