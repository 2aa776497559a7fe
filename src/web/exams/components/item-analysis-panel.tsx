import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Card, Descriptions, Segmented, Table, Tag, Tooltip } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useItemAnalysis, type ItemStats, type ResultsTable, type TestStats } from '../api.ts';

const AnalysisChart = lazy(() => import('./analysis-charts.tsx'));
const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : `${v.toFixed(digits)}%`);

/** 试题分析 (Moodle quiz statistics): the test's statistics with Cronbach's alpha, per item facility, SD, discrimination, efficiency, weight and flags, and two charts. */
export function ItemAnalysisPanel({ examId, results }: { examId: number; results: ResultsTable | undefined }) {
  const { t, errorText } = useI18n();
  const analysis = useItemAnalysis(examId);
  const [paperIndex, setPaperIndex] = useState(0);
  const paper = analysis.data?.papers[paperIndex];
  const items = (paper?.analysis.items ?? []) as unknown as ItemStats[];
  const test = paper?.analysis.test as unknown as TestStats | undefined;
  const question = (slot: number) => paper?.questions.find((q) => q.slot === slot);

  const bins = useMemo(() => {
    const rows = (results?.items ?? []).filter((r) => r.score !== null && r.maxScore);
    const max = rows[0]?.maxScore ?? 100;
    const width = max / 10;
    return Array.from({ length: 10 }, (_, i) => ({
      label: `${Math.round(i * width)}–${Math.round((i + 1) * width)}`,
      count: rows.filter((r) => Math.min(9, Math.floor(r.score! / width)) === i).length,
    }));
  }, [results]);

  if (analysis.loading && !analysis.data) return <PageLoading />;
  if (analysis.error) return <Alert type="error" showIcon title={errorText(analysis.error)} />;
  if (!paper || !test) return <Alert type="info" showIcon title={t('exams.analysis.none')} />;
  return (
    <div data-testid="item-analysis">
      {analysis.data!.papers.length > 1 && (
        <Segmented className="ss-block" value={paperIndex} onChange={(v) => setPaperIndex(Number(v))} options={analysis.data!.papers.map((p, i) => ({ value: i, label: t('exams.analysis.paper', { label: p.label, n: p.attempts }) }))} />
      )}
      <Card size="small" className="ss-block" title={t('exams.analysis.test')}>
        <Descriptions size="small" column={{ xs: 2, md: 4 }}>
          <Descriptions.Item label={t('exams.analysis.attempts')}>{test.s}</Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.mean')}>{test.mean?.toFixed(2) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.median')}>{test.median?.toFixed(2) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.sd')}>{test.sd?.toFixed(2) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.alpha')}>
            <strong data-testid="cronbach-alpha">{test.cic === null ? '—' : (test.cic / 100).toFixed(4)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.errorRatio')}>{pct(test.errorRatio, 2)}</Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.standardError')}>{test.standardError?.toFixed(2) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exams.analysis.skewness')}>{test.skewness?.toFixed(3) ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <div className="ss-analysis-grid">
        <Card size="small" title={t('exams.analysis.scatter')}>
          <Suspense fallback={<PageLoading />}>
            <AnalysisChart kind="scatter" labels={{ x: t('exams.analysis.facility'), y: t('exams.analysis.discrimination') }} points={items.map((i) => ({ slot: i.slot, facility: i.facility ?? 0, discrimination: i.discriminationIndex ?? 0, flagged: i.flags.length > 0 }))} />
          </Suspense>
        </Card>
        <Card size="small" title={t('exams.analysis.histogram')}>
          <Suspense fallback={<PageLoading />}>
            <AnalysisChart kind="histogram" labels={{ x: t('exams.analysis.scoreBand'), y: t('exams.analysis.people') }} bins={bins} />
          </Suspense>
        </Card>
      </div>
      <Card size="small" title={t('exams.analysis.items')}>
        <Table<ItemStats>
          rowKey="slot"
          size="small"
          pagination={false}
          scroll={{ x: 1000 }}
          dataSource={items}
          rowClassName={(r) => (r.flags.length ? 'ss-row-flagged' : '')}
          columns={[
            { title: '#', dataIndex: 'slot', width: 48 },
            { title: t('exams.analysis.question'), render: (_, r) => <Tooltip title={question(r.slot)?.stem}><span className="ss-stem-cell">{question(r.slot)?.stem}</span></Tooltip> },
            { title: t('exams.analysis.type'), width: 80, render: (_, r) => t(`bank.type.${(question(r.slot)?.type ?? 'single') as 'single'}`) },
            { title: t('exams.analysis.facility'), dataIndex: 'facility', width: 90, sorter: (a, b) => (a.facility ?? 0) - (b.facility ?? 0), render: (v: number | null) => pct(v === null ? null : v * 100) },
            { title: t('exams.analysis.itemSd'), width: 90, render: (_, r) => pct(r.sd === null ? null : (r.sd / r.maxMark) * 100) },
            { title: t('exams.analysis.discrimination'), dataIndex: 'discriminationIndex', width: 100, sorter: (a, b) => (a.discriminationIndex ?? 0) - (b.discriminationIndex ?? 0), render: (v: number | null) => pct(v) },
            { title: t('exams.analysis.efficiency'), dataIndex: 'discriminativeEfficiency', width: 100, render: (v: number | null) => pct(v) },
            { title: t('exams.analysis.weight'), width: 120, render: (_, r) => `${pct(r.intendedWeight)} / ${pct(r.effectiveWeight)}` },
            { title: t('exams.analysis.flags'), render: (_, r) => r.flags.map((f) => <Tag key={f} className="ss-flag-tag" color={f === 'negative-discrimination' ? 'red' : 'orange'}>{t(`exams.analysis.flag.${f}`)}</Tag>) },
          ]}
        />
      </Card>
    </div>
  );
}
