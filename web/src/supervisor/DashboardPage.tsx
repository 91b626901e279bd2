/**
 * 督办看板: open cases by stage and overdue cases by department in the supervisor's region
 * (GET /v1/supervision/summary), as charts and as tables with the same numbers; then 结案率 / 按期结案率 by month
 * (MonthlyRates, from the ledger's metrics).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { Loading, ProblemAlert } from '../app/StatusPages';
import { useSession } from '../auth/session';
import { useDepartmentName } from '../common/directory';
import { formatInstant } from '../common/time';
import { BarChart } from './BarChart';
import { MonthlyRates } from './MonthlyRates';

const STAGES = ['assessment', 'mobilization', 'action', 'supervision', 'emergency', 'review'] as const;

function CountTable({ rows, name }: { rows: { key: string; label: string; count: number }[]; name: string }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: name, dataIndex: 'label' },
        { title: '#', dataIndex: 'count', width: 80 },
      ]}
    />
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const departmentName = useDepartmentName();
  const summary = useQuery({
    queryKey: ['summary'],
    queryFn: async () => unwrap(await api.GET('/v1/supervision/summary')),
  });
  const stageRows = useMemo(
    () =>
      STAGES.map((stage) => ({
        key: stage,
        label: t(`stage.${stage}`),
        count: summary.data?.openByStage[stage] ?? 0,
      })),
    [summary.data, t],
  );
  const departmentRows = useMemo(
    () =>
      Object.entries(summary.data?.overdueByDepartment ?? {})
        .map(([dept, count]) => ({ key: dept, label: departmentName(dept), count }))
        .sort((a, b) => b.count - a.count),
    [summary.data, departmentName],
  );
  const stageLabels = useMemo(() => stageRows.map((row) => row.label), [stageRows]);
  const stageValues = useMemo(() => stageRows.map((row) => row.count), [stageRows]);
  const departmentLabels = useMemo(() => departmentRows.map((row) => row.label), [departmentRows]);
  const departmentValues = useMemo(() => departmentRows.map((row) => row.count), [departmentRows]);
  if (summary.isPending) return <Loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="page-title">{`${t('supervision.dashboard')} · ${me?.regionName ?? me?.region ?? ''}`}</h1>
        <Button onClick={() => void summary.refetch()} loading={summary.isFetching}>
          {t('common.refresh')}
        </Button>
      </Space>
      <ProblemAlert error={summary.error} />
      {summary.data?.partial === true ? (
        <Alert type="warning" showIcon message={t('supervision.partial')} />
      ) : null}
      {summary.data === undefined ? null : (
        <Typography.Text type="secondary">
          {t('supervision.asOf')}: {formatInstant(summary.data.asOf)}
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="section-title">{t('supervision.openByStage')}</h2>}>
            <BarChart labels={stageLabels} values={stageValues} label={t('supervision.openByStage')} />
            <CountTable rows={stageRows} name={t('supervision.stage')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="section-title">{t('supervision.overdueByDepartment')}</h2>}>
            <BarChart
              labels={departmentLabels}
              values={departmentValues}
              color="#cf1322"
              label={t('supervision.overdueByDepartment')}
            />
            <CountTable rows={departmentRows} name={t('supervision.department')} />
          </Card>
        </Col>
        <Col span={24}>
          <MonthlyRates />
        </Col>
      </Row>
    </Space>
  );
}
