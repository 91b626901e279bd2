/** 流程目录: every flow and version; each opens its diagram and deadlines. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../app/StatusPages';
import { localized, useFlowList } from '../common/flows';

export function FlowCatalogPage() {
  const { t, i18n } = useTranslation();
  const flows = useFlowList();
  return (
    <>
      <h1 className="page-title">{t('designer.flows')}</h1>
      <ProblemAlert error={flows.error} />
      <Table
        rowKey={(flow) => `${flow.id}@${flow.version}`}
        loading={flows.isPending}
        dataSource={flows.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('intake.flow'),
            render: (_: unknown, flow) => (
              <Link to={`/flows/${encodeURIComponent(flow.id)}?version=${flow.version}`}>
                {localized(flow.title, i18n.language, flow.id)}
              </Link>
            ),
          },
          { title: t('designer.id'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
          {
            title: t('designer.version'),
            dataIndex: 'version',
            render: (version: number) => <Tag>v{version}</Tag>,
          },
        ]}
      />
    </>
  );
}
