import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Progress, Skeleton, Spin, Statistic, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExperimentOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { LEVELS, type Feasibility } from '../api.ts';
import type { SupplyRow } from './supply-chart.tsx';

const SupplyChart = lazy(() => import('./supply-chart.tsx'));

type Props = { result: Feasibility | undefined; error: string | null; pending: boolean; papers: number; exposureCap: number | null };

/** The live verdict: every problem in the reader's language with needed vs available, and supply against demand. */
export function FeasibilityPanel({ result, error, pending, papers, exposureCap }: Props) {
  const { t, lang } = useI18n();
  const levelLabels = useMemo(() => LEVELS.map((d) => t(`bank.level.${d}`)), [t]);
  const rows = useMemo<SupplyRow[]>(() => {
    const uses = Math.max(1, Math.min(exposureCap ?? papers, papers));
    return (result?.counts.byType ?? []).map((r) => ({
      label: t(`bank.type.${r.type}`),
      byDifficulty: r.byDifficulty,
      demand: r.demand,
      demandAll: Math.ceil((r.demand * papers) / uses),
    }));
  }, [result, papers, exposureCap, t]);

  const verdict = !result ? null : result.ok ? (
    <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t('bank.feasibility.ok', { k: papers })} data-testid="feasibility-ok" />
  ) : (
    <Alert type="error" showIcon icon={<CloseCircleFilled />} title={t('bank.feasibility.problems', { n: result.problems.length })} data-testid="feasibility-problems" />
  );

  return (
    <Card
      className="ss-feasibility"
      title={<><ExperimentOutlined /> {t('bank.feasibility.title')}</>}
      extra={pending ? <Spin size="small" /> : <Tag variant="filled">{t('bank.feasibility.live')}</Tag>}
    >
      {error && <Alert type="error" showIcon title={error} className="ss-block" />}
      {!result && !error ? <Skeleton active /> : null}
      {verdict}
      {result && result.problems.length > 0 && (
        <ul className="ss-problems" data-testid="problem-list">
          {result.problems.map((p, i) => (
            <li key={i} className="ss-problem">
              <div className="ss-problem__text">
                <Tag color="red" variant="filled">{t(`bank.constraint.${p.constraint as 'section'}`)}</Tag>
                <span>{lang === 'zh-CN' ? p.messageZh : p.message}</span>
              </div>
              {p.needed > 0 && (
                <div className="ss-problem__bar">
                  <Progress percent={Math.min(100, Math.round((p.available / p.needed) * 100))} status="exception" size="small" showInfo={false} />
                  <Typography.Text type="secondary">{t('bank.feasibility.neededAvailable', { needed: p.needed, available: p.available })}</Typography.Text>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <>
          <div className="ss-feasibility__stats">
            <Statistic title={t('bank.feasibility.eligible')} value={result.counts.eligible} />
            <Statistic title={t('bank.feasibility.perPaper')} value={result.counts.perPaper} />
            <Statistic title={t('bank.feasibility.totalScore')} value={result.counts.totalScore} />
          </div>
          <Typography.Text strong>{t('bank.feasibility.chartTitle')}</Typography.Text>
          <Suspense fallback={<Skeleton active />}>
            <SupplyChart rows={rows} levelLabels={levelLabels} demandLabel={t('bank.feasibility.demand')} demandAllLabel={t('bank.feasibility.demandAll', { k: papers })} />
          </Suspense>
          <Typography.Paragraph type="secondary" className="ss-hint">{t('bank.feasibility.chartNote')}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
