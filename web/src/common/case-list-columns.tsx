/**
 * The columns every list of cases starts with (stalled cases, case search, 待回访): the case number, opening its
 * case page, and its flow by title in the user's language.
 */
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFlowTitles } from './flows';

export function useCaseColumns<Item extends { caseId: string; flowId: string }>(): ColumnType<Item>[] {
  const { t } = useTranslation();
  const flowTitles = useFlowTitles();
  return [
    {
      title: t('inbox.case'),
      dataIndex: 'caseId',
      render: (caseId: string) => <Link to={`/cases/${encodeURIComponent(caseId)}`}>{caseId}</Link>,
    },
    {
      title: t('case.flow'),
      dataIndex: 'flowId',
      render: (flowId: string) => flowTitles.get(flowId) ?? flowId,
    },
  ];
}
