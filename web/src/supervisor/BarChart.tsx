/** A bar chart of counts (one bar per label), through EChart. */
import { useMemo } from 'react';
import { EChart } from './EChart';

export interface BarChartProps {
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly color?: string;
  readonly label: string;
}

export function BarChart({ labels, values, color = '#0958d9', label }: BarChartProps) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' as const },
      xAxis: {
        type: 'category' as const,
        data: [...labels],
        axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 },
      },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [
        {
          type: 'bar' as const,
          data: [...values],
          itemStyle: { color },
          label: { show: true, position: 'top' as const },
        },
      ],
    }),
    [labels, values, color],
  );
  return <EChart option={option} label={label} />;
}
