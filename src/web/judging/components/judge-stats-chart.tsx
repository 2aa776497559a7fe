import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../../shared/theme.ts';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { names: string[]; leniency: (number | null)[]; spread: (number | null)[]; labels: { leniency: string; spread: string } };

/** Leniency (mean offset from the others, ±) as bars and spread (sd) as dots, one row per judge. */
export default function JudgeStatsChart({ names, leniency, spread, labels }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    chart.setOption({
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: [labels.leniency, labels.spread] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef2f8' } }, axisLabel: { color: palette.textMuted } },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLabel: { color: palette.textMuted } },
      series: [
        {
          name: labels.leniency,
          type: 'bar',
          barMaxWidth: 18,
          data: leniency.map((v) => ({ value: round(v), itemStyle: { color: (v ?? 0) >= 0 ? palette.primary : palette.accent, borderRadius: 4 } })),
          label: { show: true, position: 'right', color: '#3a4a66' },
        },
        { name: labels.spread, type: 'scatter', symbolSize: 12, data: spread.map(round), itemStyle: { color: '#13a8a8' } },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [names, leniency, spread, labels]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(200, 60 + names.length * 44) }} />;
}
