/**
 * A bar chart with Apache ECharts (only the parts used are bundled), rendered to SVG so that the numbers stay
 * text for screen readers; the same numbers are also given as a table beside the chart.
 */
import { BarChart as EchartsBar } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EchartsBar, GridComponent, TooltipComponent, SVGRenderer]);

export interface BarChartProps {
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly color?: string;
  readonly label: string;
}

export function BarChart({ labels, values, color = '#0958d9', label }: BarChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current === null) return undefined;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: [...labels],
        axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', data: [...values], itemStyle: { color }, label: { show: true, position: 'top' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [labels, values, color]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 280 }} />;
}
