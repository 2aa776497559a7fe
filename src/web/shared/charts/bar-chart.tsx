import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../theme.ts';

echarts.use([EBarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Props = { labels: string[]; values: number[]; height?: number; horizontal?: boolean };

/** A plain bar chart. Loaded lazily, so echarts arrives only with the pages that draw. */
export default function BarChart({ labels, values, height = 240, horizontal = true }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const category = { type: 'category' as const, data: labels, axisTick: { show: false }, axisLine: { lineStyle: { color: palette.border } }, axisLabel: { color: palette.textMuted } };
    const value = { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: '#eef2f8' } }, axisLabel: { color: palette.textMuted } };
    chart.setOption({
      grid: { left: 8, right: 24, top: horizontal ? 8 : 20, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [
        {
          type: 'bar',
          data: values,
          barMaxWidth: 22,
          itemStyle: { color: palette.primary, borderRadius: horizontal ? [0, 6, 6, 0] : [6, 6, 0, 0] },
          label: { show: true, position: horizontal ? 'right' : 'top', color: '#3a4a66' },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [labels, values, horizontal]);

  return <div ref={ref} style={{ width: '100%', height }} />;
}
