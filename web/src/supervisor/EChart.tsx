/**
 * An Apache ECharts chart (only the parts used are bundled), rendered to SVG so that the numbers stay text for screen
 * readers; every chart of the app gives the same numbers as a table beside it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

export interface EChartProps {
  /** Keep it stable (useMemo): a new option redraws the chart. */
  readonly option: EChartOption;
  /** What the chart shows, for assistive technology. */
  readonly label: string;
  readonly height?: number;
}

export function EChart({ option, label, height = 280 }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current === null) return undefined;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
