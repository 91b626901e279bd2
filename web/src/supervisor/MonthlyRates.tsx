/**
 * 结案率 / 按期结案率 / 满意率 by month (GET /v1/supervision/metrics, docs/metrics.md) for the supervisor's region: a
 * line chart, the same figures as a table (with how many cases had a 回访, 满意率's denominator), and the API's CSV. The months come from the page address
 * (`?from=2026-01&to=2026-06`), so a view can be bookmarked; by default the last twelve.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { EChart } from './EChart';
import {
  isMonth,
  lastTwelveMonths,
  monthlyQuery,
  monthsBetween,
  rowsByMonth,
  type MonthRow,
} from './monthly-metrics';

interface Span {
  from: string;
  to: string;
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(2)}%`;
}

/** Saves `text` as a file through a temporary link. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Released once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function useSpan(): [Span, (span: Span) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = lastTwelveMonths(new Date().toISOString().slice(0, 10));
  const from = params.get('from');
  const to = params.get('to');
  const span = { from: isMonth(from) ? from : fallback.from, to: isMonth(to) ? to : fallback.to };
  return [span, (next) => setParams({ from: next.from, to: next.to })];
}

export function MonthlyRates() {
  const { t } = useTranslation();
  const [span, setSpan] = useSpan();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const query = monthlyQuery(span.from, span.to);
  const metrics = useQuery({
    queryKey: ['metrics', query],
    queryFn: async () => {
      const answer = unwrap(await api.GET('/v1/supervision/metrics', { params: { query } }));
      if (typeof answer === 'string') throw new Error('The metrics came as CSV, not JSON');
      return answer.items;
    },
  });
  const months = useMemo(() => monthsBetween(span.from, span.to), [span.from, span.to]);
  const rows = useMemo(() => rowsByMonth(months, metrics.data ?? []), [months, metrics.data]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      xAxis: { type: 'category' as const, data: rows.map((row) => row.period) },
      yAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('metrics.closureRate'),
          type: 'line' as const,
          connectNulls: false,
          data: rows.map((row) => row.closureRate),
          itemStyle: { color: '#0958d9' },
        },
        {
          name: t('metrics.onTimeRate'),
          type: 'line' as const,
          connectNulls: false,
          data: rows.map((row) => row.onTimeRate),
          itemStyle: { color: '#237804' },
        },
        {
          name: t('metrics.satisfactionRate'),
          type: 'line' as const,
          connectNulls: false,
          data: rows.map((row) => row.satisfactionRate),
          itemStyle: { color: '#ad4e00' },
        },
      ],
    }),
    [rows, t],
  );
  const downloadCsv = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const csv = unwrap(
        await api.GET('/v1/supervision/metrics', {
          params: { query },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        }),
      );
      if (typeof csv !== 'string') throw new Error('The metrics came as JSON, not CSV');
      download(csv, `metrics-${span.from}-${span.to}.csv`, 'text/csv;charset=utf-8');
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card title={<h2 className="section-title">{t('supervision.metrics')}</h2>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form<Span>
          layout="inline"
          initialValues={span}
          onFinish={setSpan}
          style={{ rowGap: 8 }}
          key={`${span.from}/${span.to}`}
        >
          <Form.Item name="from" label={t('metrics.from')} rules={[{ required: true }]}>
            <Input type="month" />
          </Form.Item>
          <Form.Item name="to" label={t('metrics.to')} rules={[{ required: true }]}>
            <Input type="month" />
          </Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
          <Button onClick={() => void downloadCsv()} loading={downloading}>
            {t('metrics.downloadCsv')}
          </Button>
        </Form>
        <ProblemAlert error={metrics.error ?? downloadError} />
        <EChart option={option} label={t('supervision.metrics')} />
        <Table<MonthRow>
          size="small"
          rowKey="period"
          loading={metrics.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            { title: t('metrics.month'), dataIndex: 'period' },
            { title: t('metrics.due'), dataIndex: 'due' },
            { title: t('metrics.closed'), dataIndex: 'closed' },
            { title: t('metrics.closedOnTime'), dataIndex: 'closedOnTime' },
            {
              title: t('metrics.closureRate'),
              dataIndex: 'closureRate',
              render: (rate: number | null) => percent(rate),
            },
            {
              title: t('metrics.onTimeRate'),
              dataIndex: 'onTimeRate',
              render: (rate: number | null) => percent(rate),
            },
            { title: t('metrics.rated'), dataIndex: 'rated' },
            {
              title: t('metrics.satisfactionRate'),
              dataIndex: 'satisfactionRate',
              render: (rate: number | null) => percent(rate),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
