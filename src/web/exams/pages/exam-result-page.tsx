import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Progress, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, HourglassOutlined, LeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useMyAppeals, useMyResult } from '../api.ts';
import { AppealPanel, isOpenAppeal, type AppealTarget } from '../components/appeal-panel.tsx';
import { formatResponse } from '../format-response.ts';
import '../exams.css';

const BarChart = lazy(() => import('../../shared/charts/bar-chart.tsx'));

/** 成绩: after submit, the candidate's score once released, by knowledge point, and each item (the key once answers are released); appeals with their status and trail. */
export function ExamResultPage() {
  const attemptId = Number(useParams().attemptId);
  const { t, errorText } = useI18n();
  const result = useMyResult(attemptId);
  const appeals = useMyAppeals(attemptId);
  const [target, setTarget] = useState<AppealTarget | null>(null);
  const r = result.data;
  const openOn = new Set((appeals.data ?? []).filter(isOpenAppeal).map((a) => a.itemId));
  if (result.loading && !r) return <PageLoading />;
  if (result.error || !r) return <Alert type="error" showIcon title={errorText(result.error)} />;
  const percent = r.score !== null && r.maxScore ? Math.round((r.score / r.maxScore) * 100) : 0;
  const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

  return (
    <div className="ss-mobile-page ss-exam-result" data-testid="exam-result">
      <Link to="/me" className="ss-exam-back">
        <LeftOutlined /> {t('exams.result.back')}
      </Link>
      <section className="ss-hero ss-exam-result__hero">
        <div className="ss-hero__hello">{t('exams.result.submittedAt', { time: r.submittedAt ? dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm') : '—' })}</div>
        {r.resultsVisible && r.score !== null ? (
          <div className="ss-exam-result__score">
            <Progress type="circle" percent={percent} size={96} strokeColor="#fff" railColor="rgba(255,255,255,.25)" format={() => <span className="ss-exam-result__pct">{percent}%</span>} />
            <div>
              <div className="ss-exam-result__big" data-testid="result-score">
                {round2(r.score)}
                <small> / {r.maxScore}</small>
              </div>
              <div className="ss-hero__org">{t('exams.result.score')}</div>
            </div>
          </div>
        ) : (
          <div className="ss-exam-result__pending" data-testid="result-pending">
            <HourglassOutlined /> {r.status === 'marking' ? t('exams.result.marking') : t('exams.result.notReleased')}
          </div>
        )}
      </section>

      {r.resultsVisible && r.byKnowledgePoint.length > 0 && (
        <Card size="small" className="ss-home-section" title={t('exams.result.byPoint')}>
          <Suspense fallback={<PageLoading />}>
            <BarChart labels={r.byKnowledgePoint.map((k) => k.point)} values={r.byKnowledgePoint.map((k) => Math.round((k.score / (k.max || 1)) * 100))} height={Math.max(160, r.byKnowledgePoint.length * 34)} />
          </Suspense>
          <div className="ss-exam-muted">{t('exams.result.byPointHint')}</div>
        </Card>
      )}

      {r.resultsVisible && (
        <Card size="small" className="ss-home-section" title={t('exams.result.items')}>
          <ul className="ss-exam-result__items">
            {r.items.map((it) => (
              <li key={it.itemId}>
                <span className="ss-exam-result__no">{it.number}</span>
                {it.correct === true ? <CheckCircleFilled className="ss-ok" /> : it.correct === false ? <CloseCircleFilled className="ss-bad" /> : <Tag>{t(`exams.itemStatus.${it.status === 'marking' ? 'marking' : 'other'}`)}</Tag>}
                <span className="ss-exam-result__resp">
                  {t('exams.result.yours')}: {formatResponse(it.response, t) || t('exams.result.blank')}
                  {r.answersVisible && it.answer !== undefined && (
                    <>
                      {' · '}
                      {t('exams.result.key')}: {formatResponse(it.answer as never, t)}
                    </>
                  )}
                </span>
                <span className="ss-exam-result__pts">
                  {round2(it.score) ?? '—'}/{it.max}
                </span>
                {!openOn.has(it.itemId) && (
                  <Button size="small" type="link" className="ss-appeal-link" onClick={() => setTarget({ itemId: it.itemId, number: it.number })} data-testid="appeal-open">
                    {t('exams.appeal.action')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {r.resultsVisible && (
        <AppealPanel
          attemptId={attemptId}
          appeals={appeals.data ?? []}
          numberOf={(itemId) => r.items.find((i) => i.itemId === itemId)?.number}
          target={target}
          onTarget={setTarget}
          onChanged={() => { appeals.reload(); result.reload(); }}
        />
      )}
    </div>
  );
}
