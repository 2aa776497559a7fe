import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Col, Descriptions, List, Row, Skeleton, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Statistics } from '../api.ts';

const JudgeStatsChart = lazy(() => import('./judge-stats-chart.tsx'));
const r2 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : (Math.round(v * 100) / 100).toString());

/** Judge statistics: leniency and spread per judge, agreement (ICC), outliers flagged. */
export function JudgeStats({ stats }: { stats: Statistics }) {
  const { t, lang } = useI18n();
  const names = useMemo(() => stats.judges.map((j) => j.name), [stats]);
  const leniency = useMemo(() => stats.judges.map((j) => j.leniency), [stats]);
  const spread = useMemo(() => stats.judges.map((j) => j.sd), [stats]);
  const labels = useMemo(() => ({ leniency: t('judging.stats.leniency'), spread: t('judging.stats.spread') }), [t]);
  const a = stats.agreement;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('judging.stats.chartTitle')} className="ss-card-fill">
          <Suspense fallback={<Skeleton active />}>
            <JudgeStatsChart names={names} leniency={leniency} spread={spread} labels={labels} />
          </Suspense>
          <Typography.Paragraph type="secondary" className="ss-hint">{t('judging.stats.chartNote')}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('judging.stats.agreement')} className="ss-block" data-testid="icc">
          {a.status === 'ok' ? (
            <Descriptions size="small" column={2} items={Object.entries(a.icc).map(([form, v]) => ({ key: form, label: form, children: r2(v) }))} />
          ) : (
            <Alert type="info" showIcon title={t('judging.stats.iccUndefined')} description={lang === 'en' ? a.reason : a.reasonZh} />
          )}
        </Card>
        <Card size="small" title={t('judging.stats.outliers', { n: stats.outliers.length, dev: stats.outlierRule.maxDeviation })}>
          {stats.outliers.length === 0 ? (
            <Typography.Text type="secondary">{t('judging.stats.noOutliers')}</Typography.Text>
          ) : (
            <List size="small" dataSource={stats.outliers} renderItem={(o) => <List.Item>{`${o.judgeName} → ${o.entryName}: ${lang === 'en' ? o.reason : o.reasonZh}`}</List.Item>} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
