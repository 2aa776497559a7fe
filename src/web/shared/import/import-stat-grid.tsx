import type { ReactNode } from 'react';
import { Card, Result, Statistic } from 'antd';

/** `tone` picks the tile's colour: create, update, unchanged, rejected, orgs. */
export type ImportStat = { key: string; label: string; value: number; tone: 'create' | 'update' | 'unchanged' | 'rejected' | 'orgs' };

/** The row of counts an import shows before and after it writes (tiles with `data-testid="count-KEY"`). */
export function ImportStatGrid({ stats, testId, className = 'ss-stat-grid' }: { stats: ImportStat[]; testId: string; className?: string }) {
  return (
    <div className={className} data-testid={testId}>
      {stats.map((s) => (
        <div key={s.key} className={`ss-stat ss-stat--${s.tone}`} data-testid={`count-${s.key}`}>
          <Statistic title={s.label} value={s.value} />
        </div>
      ))}
    </div>
  );
}

/** Step 3 of every import wizard: what was written, the counts, and where to go next. */
export function ImportResultCard({ title, subTitle, actions, stats, fourColumns = false }: { title: string; subTitle: string; actions: ReactNode[]; stats: ImportStat[]; fourColumns?: boolean }) {
  return (
    <Card>
      <Result status="success" title={title} subTitle={subTitle} extra={actions}>
        <ImportStatGrid stats={stats} testId="import-result" className={fourColumns ? 'ss-stat-grid ss-stat-grid--4' : 'ss-stat-grid'} />
      </Result>
    </Card>
  );
}
