import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, List, Tag } from 'antd';
import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useMockHistory, useMyMocks, type MyMock } from '../api.ts';
import { formatRemaining } from '../use-server-clock.ts';
import { WeeklyQuizCard } from './weekly-quiz-card.tsx';

const MockHistoryChart = lazy(() => import('./mock-history-chart.tsx'));

/** The practice area's 模拟考 tab: weekly quizzes (每周小测) first, the mock exams open to me, my score history as a chart, and my recent attempts. */
export function MockSection() {
  const { t } = useI18n();
  const mocks = useMyMocks();
  const history = useMockHistory();
  const labels = useMemo(() => ({ score: t('exams.mock.scorePct'), best: t('exams.mock.bestSoFar') }), [t]);
  const recent = [...(history.data ?? [])].reverse().slice(0, 8);
  const weekly = (mocks.data ?? []).filter((m) => m.cadence === 'weekly');
  const free = (mocks.data ?? []).filter((m) => m.cadence !== 'weekly');
  const status = (m: MyMock) => {
    if (!m.available) return <Tag>{t('exams.mock.unavailable')}</Tag>;
    if (m.inProgress?.clock) return <Tag color="processing">{t('exams.mock.inProgress', { time: formatRemaining(m.inProgress.clock.remainingMs) })}</Tag>;
    if (m.attemptsLeft === 0) return <Tag>{t('exams.mock.noneLeft')}</Tag>;
    return <Tag color="blue">{m.attemptsLeft === null ? t('exams.mock.unlimited') : t('exams.mock.left', { n: m.attemptsLeft })}</Tag>;
  };
  return (
    <div data-testid="mock-section">
      {weekly.length > 0 && (
        <div className="ss-block" data-testid="weekly-section">
          <h3 className="ss-weekly-group">{t('exams.weekly.title')}</h3>
          {weekly.map((m) => <WeeklyQuizCard key={m.id} mock={m} />)}
        </div>
      )}
      <div className="ss-block">
        {mocks.data && mocks.data.length === 0 && <Empty description={t('exams.mock.none')} />}
        {weekly.length > 0 && free.length > 0 && <h3 className="ss-weekly-group">{t('exams.mock.tab')}</h3>}
        {free.map((m) => (
          <Link key={m.id} to={`/me/practice/mocks/${m.id}`} className="ss-level ss-mock-card is-open" data-testid={`mock-${m.id}`}>
            <span className="ss-level__no"><ClockCircleOutlined /></span>
            <span className="ss-level__text">
              <strong>{m.name}</strong>
              <small className="ss-exam-muted">
                {t('exams.mock.duration', { n: m.durationMinutes })} · {m.attemptsPerDay === null ? t('exams.mock.unlimited') : t('exams.mock.perDay', { n: m.attemptsPerDay })}
                {m.best !== null ? ` · ${t('exams.mock.best', { n: m.best })}` : ''}
              </small>
              <span>{status(m)}</span>
            </span>
            <RightOutlined className="ss-list-row__arrow" />
          </Link>
        ))}
      </div>
      <Card size="small" className="ss-block" title={t('exams.mock.history')}>
        {history.data?.length ? (
          <Suspense fallback={<PageLoading />}>
            <MockHistoryChart items={history.data} labels={labels} />
          </Suspense>
        ) : (
          <Empty description={t('exams.mock.historyEmpty')} />
        )}
      </Card>
      {recent.length > 0 && (
        <Card size="small" title={t('exams.mock.recent')}>
          <List
            size="small"
            dataSource={recent}
            renderItem={(h) => (
              <List.Item extra={<strong>{h.percent}%</strong>}>
                <Link to={`/me/practice/mock-attempts/${h.attemptId}`} data-testid="mock-history-row">
                  {h.mockName} <small className="ss-exam-muted">{dayjs(h.submittedAt).format('MM-DD HH:mm')} · {h.score}/{h.maxScore}</small>
                </Link>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
