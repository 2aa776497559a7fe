import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../../shared/theme.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { steps: string[]; series: { name: string; values: number[] }[]; height?: number };
const COLOURS = ['#1456d9', '#f5a623', '#13a8a8', '#9254de', '#eb2f96', '#52c41a', '#fa541c', '#2f7bff'];

/** One bar group per funnel step, one bar per gender or organisation. */
export default function BreakdownChart({ steps, series, height = 280 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      color: COLOURS,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: palette.textMuted } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: steps, axisTick: { show: false }, axisLabel: { color: palette.textMuted } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef2f8' } }, axisLabel: { color: palette.textMuted } },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 18, itemStyle: { borderRadius: [4, 4, 0, 0] } })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [steps, series]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
