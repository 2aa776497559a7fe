import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { palette } from '../../shared/theme.ts';
import type { MockHistoryItem } from '../api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 模拟考成绩走势: score % per attempt in time order, with the best so far. */
export default function MockHistoryChart({ items, labels }: { items: MockHistoryItem[]; labels: { score: string; best: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: palette.textMuted, fontSize: 11 } },
      tooltip: { trigger: 'axis', formatter: (ps: { dataIndex: number; seriesName: string; value: number }[]) => `${items[ps[0].dataIndex].mockName}<br/>${ps.map((p) => `${p.seriesName}: ${p.value}`).join('<br/>')}` },
      xAxis: { type: 'category', data: items.map((i) => dayjs(i.submittedAt).format('MM-DD HH:mm')), axisLabel: { color: palette.textMuted, fontSize: 10 }, axisLine: { lineStyle: { color: palette.border } } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: palette.textMuted }, splitLine: { lineStyle: { color: '#eef2f8' } } },
      series: [
        { name: labels.score, type: 'line', data: items.map((i) => i.percent), symbolSize: 8, lineStyle: { color: palette.primary, width: 3 }, itemStyle: { color: palette.primary }, areaStyle: { color: 'rgba(20,86,217,0.10)' }, label: { show: true, position: 'top', fontSize: 11 } },
        { name: labels.best, type: 'line', step: 'end', data: items.map((i) => i.bestSoFar), symbol: 'none', lineStyle: { color: '#f0a020', type: 'dashed' }, itemStyle: { color: '#f0a020' } },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [items, labels]);
  return <div ref={ref} data-testid="mock-history-chart" style={{ width: '100%', height: 240 }} />;
}
