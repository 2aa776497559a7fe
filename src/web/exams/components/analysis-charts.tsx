import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../../shared/theme.ts';

echarts.use([ScatterChart, BarChart, GridComponent, TooltipComponent, MarkAreaComponent, CanvasRenderer]);

type Point = { slot: number; facility: number; discrimination: number; flagged: boolean };
type Props =
  | { kind: 'scatter'; points: Point[]; labels: { x: string; y: string } }
  | { kind: 'histogram'; bins: { label: string; count: number }[]; labels: { x: string; y: string } };

/** Item analysis charts: facility against discrimination (one dot per item, flagged items in orange) and the score histogram. */
export default function AnalysisChart(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const axis = { axisLine: { lineStyle: { color: palette.border } }, axisLabel: { color: palette.textMuted }, splitLine: { lineStyle: { color: '#eef2f8' } }, nameTextStyle: { color: palette.textMuted } };
    if (props.kind === 'scatter') {
      chart.setOption({
        grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
        tooltip: { formatter: (p: { data: number[] }) => `#${p.data[2]} · ${props.labels.x} ${p.data[0]}% · ${props.labels.y} ${p.data[1]}%` },
        xAxis: { ...axis, type: 'value', name: props.labels.x, nameLocation: 'middle', nameGap: 24, min: 0, max: 100 },
        yAxis: { ...axis, type: 'value', name: props.labels.y, min: (v: { min: number }) => Math.min(0, Math.floor(v.min / 10) * 10), max: 100 },
        series: [
          {
            type: 'scatter',
            symbolSize: 11,
            data: props.points.map((p) => ({ value: [Math.round(p.facility * 100), Math.round(p.discrimination), p.slot], itemStyle: { color: p.flagged ? palette.accent : palette.primary } })),
            markArea: { silent: true, itemStyle: { color: 'rgba(20,86,217,0.05)' }, data: [[{ xAxis: 20, yAxis: 20 }, { xAxis: 90, yAxis: 100 }]] },
          },
        ],
      });
    } else {
      chart.setOption({
        grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { ...axis, type: 'category', name: props.labels.x, nameLocation: 'middle', nameGap: 26, data: props.bins.map((b) => b.label) },
        yAxis: { ...axis, type: 'value', name: props.labels.y, minInterval: 1 },
        series: [{ type: 'bar', data: props.bins.map((b) => b.count), barCategoryGap: '8%', itemStyle: { color: palette.primary, borderRadius: [4, 4, 0, 0] } }],
      });
    }
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [props]);
  return <div ref={ref} style={{ width: '100%', height: 280 }} />;
}
