import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { palette } from '../../shared/theme.ts';

echarts.use([RadarChart, RadarComponent, TooltipComponent, CanvasRenderer]);

/** 知识点掌握度: a radar of mastery (0–100) per knowledge point. */
export default function MasteryChart({ points }: { points: { point: string; mastery: number }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: {},
      radar: { radius: '62%', indicator: points.map((p) => ({ name: p.point.split('/').at(-1), max: 100 })), axisName: { color: palette.textMuted, fontSize: 11 } },
      series: [{ type: 'radar', data: [{ value: points.map((p) => Math.round(p.mastery * 100)), areaStyle: { color: 'rgba(20,86,217,0.18)' }, lineStyle: { color: palette.primary }, itemStyle: { color: palette.primary } }] }],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [points]);
  return <div ref={ref} style={{ width: '100%', height: 280 }} />;
}
