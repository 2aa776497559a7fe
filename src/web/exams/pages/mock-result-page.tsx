import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Progress, Segmented, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, LeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useMockResult, type Answer } from '../api.ts';
import { formatResponse } from '../format-response.ts';
import '../exams.css';
import '../components/mock.css';

const BarChart = lazy(() => import('../../shared/charts/bar-chart.tsx'));

/** 模拟考成绩: the score, the score rate per knowledge point, and every item with the key, the explanation and whether it went to the wrong-answer book. */
export function MockResultPage() {
  const attemptId = Number(useParams().attemptId);
  const { t, errorText } = useI18n();
  const result = useMockResult(attemptId);
  const [show, setShow] = useState<'wrong' | 'all'>('wrong');
  const r = result.data;
  /** choice keys with their option text (the mock paper keeps the bank's option order) */
  const withText = (a: Answer | null, options: { key: string; text: string }[]) =>
    a?.kind === 'choice' && options.length ? a.keys.map((k) => `${k}. ${options.find((o) => o.key === k)?.text ?? ''}`).join('；') : formatResponse(a, t);
  if (result.loading && !r) return <PageLoading />;
  if (result.error || !r) return <Alert type="error" showIcon title={errorText(result.error)} />;
  return (
    <div className="ss-mobile-page ss-exam-result" data-testid="mock-result">
      <Link to="/me/practice?tab=mock" className="ss-exam-back">
        <LeftOutlined /> {t('exams.mock.back')}
      </Link>
      <section className="ss-hero ss-exam-result__hero">
        <div className="ss-hero__hello">
          {r.mockName} · {t('exams.mock.attemptNo', { n: r.attemptNo })} · {t('exams.mock.submittedAt', { time: r.submittedAt ? dayjs(r.submittedAt).format('MM-DD HH:mm') : '—' })}
          {r.submitReason === 'deadline' ? ` · ${t('exams.mock.byDeadline')}` : ''}
        </div>
        <div className="ss-exam-result__score">
          <Progress type="circle" percent={Math.round(r.percent)} size={96} strokeColor="#fff" railColor="rgba(255,255,255,.25)" format={() => <span className="ss-exam-result__pct">{r.percent}%</span>} />
          <div>
            <div className="ss-exam-result__big" data-testid="mock-score">
              {r.score}
              <small> / {r.maxScore}</small>
            </div>
            <div className="ss-hero__org">{t('exams.result.score')}</div>
          </div>
        </div>
      </section>
      <div className="ss-mock-actions ss-home-section">
        <Link to={`/me/practice/mocks/${r.mockId}`}><Button type="primary" block>{t('exams.mock.again')}</Button></Link>
        <Link to="/me/practice?tab=wrong"><Button block>{t('exams.practice.wrongBook')}</Button></Link>
      </div>
      {r.byKnowledgePoint.length > 0 && (
        <Card size="small" className="ss-home-section" title={t('exams.result.byPoint')}>
          <Suspense fallback={<PageLoading />}>
            <BarChart labels={r.byKnowledgePoint.map((k) => k.point)} values={r.byKnowledgePoint.map((k) => Math.round(k.percent))} height={Math.max(160, r.byKnowledgePoint.length * 34)} />
          </Suspense>
          <div className="ss-exam-muted">{t('exams.result.byPointHint')}</div>
        </Card>
      )}
      <Card
        size="small"
        className="ss-home-section"
        title={t('exams.mock.items')}
        extra={<Segmented size="small" value={show} onChange={(v) => setShow(v as 'wrong' | 'all')} options={[{ value: 'wrong', label: t('exams.mock.onlyWrong', { n: r.items.filter((i) => !i.correct).length }) }, { value: 'all', label: t('exams.mock.all', { n: r.items.length }) }]} />}
      >
        {r.items.filter((it) => show === 'all' || !it.correct).map((it) => (
          <div key={it.itemId} className="ss-mock-item" data-testid="mock-result-item">
            <div className="ss-mock-item__head">
              <span className="ss-exam-result__no">{it.number}</span>
              {it.correct ? <CheckCircleFilled className="ss-ok" /> : <CloseCircleFilled className="ss-bad" />}
              <span className="ss-mock-item__stem">{it.stem}</span>
              <span className="ss-exam-result__pts">{it.score}/{it.max}</span>
            </div>
            <div className="ss-mock-item__meta">
              {t('exams.result.yours')}: {withText(it.response, it.options) || t('exams.result.blank')} · {t('exams.result.key')}: {withText(it.answer as Answer, it.options)}
              {it.inWrongBook && <Tag color="orange" className="ss-flag-tag" style={{ marginInlineStart: 8 }}>{t('exams.mock.inWrongBook')}</Tag>}
            </div>
            {it.explanation && !it.correct && <div className="ss-mock-item__meta">{t('exams.mock.explanation', { text: it.explanation })}</div>}
          </div>
        ))}
      </Card>
    </div>
  );
}
