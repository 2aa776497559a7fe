import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { FunnelChart as EFunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EFunnelChart, TooltipComponent, CanvasRenderer]);

type Props = { steps: { label: string; count: number; note: string }[]; height?: number };
const COLOURS = ['#0b3a9c', '#1456d9', '#2f7bff', '#f5a623'];

/** 参赛漏斗: registered → sat → advanced → finalists, each with its share of the previous step. */
export default function FunnelChart({ steps, height = 320 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; dataIndex: number }) => `${p.name}: ${p.value}<br/>${steps[p.dataIndex]?.note ?? ''}` },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '8%',
          width: '84%',
          top: 8,
          bottom: 8,
          minSize: '18%',
          gap: 4,
          label: { show: true, position: 'inside', color: '#fff', fontSize: 14, formatter: (p: { name: string; value: number }) => `${p.name}  ${p.value}` },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data: steps.map((s, i) => ({ name: s.label, value: s.count, itemStyle: { color: COLOURS[i % COLOURS.length] } })),
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [steps]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="funnel-chart" />;
}
