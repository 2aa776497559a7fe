import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../../shared/theme.ts';

echarts.use([BarChart, GridComponent, CanvasRenderer]);

type Props = { rows: { key: string; count: number; share: number }[]; correct: string[] | 'oral' | null; dark?: boolean; height?: number };

/** Answers per option; the correct options in green once the answer is out. Dark for the big screen. */
export default function DistributionChart({ rows, correct, dark = false, height = 240 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const isRight = (k: string) => Array.isArray(correct) && correct.includes(k);
    const text = dark ? '#e8efff' : '#3a4a66';
    const big = dark ? 34 : 14;
    chart.current?.setOption({
      animationDurationUpdate: 600,
      grid: { left: 8, right: 8, top: dark ? 56 : 28, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.key), axisTick: { show: false }, axisLine: { lineStyle: { color: dark ? 'rgba(255,255,255,.25)' : palette.border } }, axisLabel: { color: text, fontSize: big, fontWeight: 700 } },
      yAxis: { type: 'value', show: false, minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: dark ? 120 : 48,
          data: rows.map((r) => ({
            value: r.count,
            itemStyle: { borderRadius: [10, 10, 0, 0], color: isRight(r.key) ? '#22c55e' : dark ? 'rgba(120,160,255,.55)' : palette.primary },
          })),
          label: { show: true, position: 'top', color: text, fontSize: dark ? 30 : 13, fontWeight: 700, formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex].count} · ${Math.round(rows[p.dataIndex].share * 100)}%` },
        },
      ],
    });
  }, [rows, correct, dark]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid="arena-distribution" />;
}
