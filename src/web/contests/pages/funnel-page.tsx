import { lazy, Suspense, useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MessageKey } from '../../shared/i18n/zh-cn.ts';
import { useFunnel, type Funnel } from '../api.ts';
import { ContestFrame } from '../components/contest-frame.tsx';
import '../contests.css';

const FunnelChart = lazy(() => import('../components/funnel-chart.tsx'));
const BreakdownChart = lazy(() => import('../components/breakdown-chart.tsx'));
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** 参赛漏斗: registered → sat → advanced → finalists, split by gender and by organisation. */
export function FunnelPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="funnel">
      {() => <FunnelBody contestId={contestId} />}
    </ContestFrame>
  );
}

function FunnelBody({ contestId }: { contestId: number }) {
  const { t, errorText, lang } = useI18n();
  const funnel = useFunnel(contestId);
  if (funnel.error) return <Alert type="error" showIcon title={errorText(funnel.error)} />;
  if (!funnel.data) return <Skeleton active />;
  return <FunnelCharts funnel={funnel.data} t={t} lang={lang} />;
}

function FunnelCharts({ funnel, t, lang }: { funnel: Funnel; t: ReturnType<typeof useI18n>['t']; lang: string }) {
  const labels = useMemo(() => funnel.steps.map((s) => (lang === 'zh-CN' ? s.labelZh : s.label)), [funnel, lang]);
  const steps = useMemo(() => funnel.steps.map((s, i) => ({ label: labels[i], count: s.count, note: t('contests.funnel.ofPrevious', { p: pct(s.ofPrevious) }) })), [funnel, labels, t]);
  const genderKey = (g: string) => (['M', 'F'].includes(g) ? `contests.funnel.gender.${g}` : 'contests.funnel.gender.unknown') as MessageKey;
  const byGender = useMemo(() => funnel.genders.map((g) => ({ name: t(genderKey(g)), values: funnel.steps.map((s) => s.byGender[g] ?? 0) })), [funnel, t]);
  const byOrg = useMemo(() => funnel.organisations.map((o) => ({ name: o, values: funnel.steps.map((s) => s.byOrganisation[o] ?? 0) })), [funnel]);
  return (
    <>
      <Row gutter={[16, 16]} className="ss-block">
        {funnel.steps.map((s, i) => (
          <Col xs={12} lg={6} key={s.step}>
            <Card className="ss-card-fill">
              <Statistic title={labels[i]} value={s.count} suffix={<span className="ss-stat-suffix">{i === 0 ? '' : t('contests.funnel.ofFirst', { p: pct(s.ofFirst) })}</span>} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('contests.tab.funnel')} className="ss-card-fill">
            <Suspense fallback={<Skeleton active />}><FunnelChart steps={steps} /></Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('contests.funnel.byGender')} className="ss-block">
            <Suspense fallback={<Skeleton active />}><BreakdownChart steps={labels} series={byGender} height={220} /></Suspense>
          </Card>
          <Card title={t('contests.funnel.byOrg')}>
            <Suspense fallback={<Skeleton active />}><BreakdownChart steps={labels} series={byOrg} height={260} /></Suspense>
          </Card>
        </Col>
      </Row>
    </>
  );
}
