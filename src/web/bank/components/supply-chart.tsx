import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../../shared/theme.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type SupplyRow = { label: string; byDifficulty: number[]; demand: number; demandAll: number };
type Props = { rows: SupplyRow[]; levelLabels: string[]; demandLabel: string; demandAllLabel: string; height?: number };

const LEVEL_COLOURS = ['#c6dafc', '#8fb5f8', '#5a8ff0', '#2f6be0', palette.primaryDeep];

/** Supply per type stacked by difficulty, beside what one paper and the K papers demand. Loaded lazily with echarts. */
export default function SupplyChart({ rows, levelLabels, demandLabel, demandAllLabel, height = 260 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(
      {
        animationDuration: 300,
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: palette.textMuted, fontSize: 11 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false }, axisLabel: { color: palette.textMuted, interval: 0, fontSize: 11 } },
        yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef2f8' } }, axisLabel: { color: palette.textMuted } },
        series: [
          ...levelLabels.map((name, d) => ({
            name,
            type: 'bar' as const,
            stack: 'supply',
            barMaxWidth: 28,
            itemStyle: { color: LEVEL_COLOURS[d] },
            data: rows.map((r) => r.byDifficulty[d] ?? 0),
          })),
          { name: demandLabel, type: 'bar' as const, barMaxWidth: 14, itemStyle: { color: palette.accent, borderRadius: [4, 4, 0, 0] }, data: rows.map((r) => r.demand), label: { show: true, position: 'top' as const, color: '#ad6800', fontSize: 11 } },
          { name: demandAllLabel, type: 'bar' as const, barMaxWidth: 14, itemStyle: { color: '#ff7a45', borderRadius: [4, 4, 0, 0] }, data: rows.map((r) => r.demandAll) },
        ],
      },
      { notMerge: true },
    );
  }, [rows, levelLabels, demandLabel, demandAllLabel]);

  return <div ref={ref} style={{ width: '100%', height }} />;
}
