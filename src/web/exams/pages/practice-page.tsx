import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Empty, List, Tabs, Tag } from 'antd';
import { CheckCircleFilled, LockOutlined, TrophyOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useBadges, useDailyPractice, useLeaderboard, useLevels, useMastery, useWrongBook } from '../api.ts';
import { PracticeQuestion } from '../components/practice-question.tsx';
import { MockSection } from '../components/mock-section.tsx';
import '../../bank/bank.css';
import '../exams.css';

const MasteryChart = lazy(() => import('../components/mastery-chart.tsx'));

/** 练习 (phone): daily practice, the wrong-answer book, mock exams, levels, badges, the leaderboard and knowledge mastery. */
export function PracticePage() {
  const { t, errorText } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'daily';
  const daily = useDailyPractice();
  const wrong = useWrongBook();
  const levels = useLevels();
  const badges = useBadges();
  const board = useLeaderboard();
  const mastery = useMastery();
  const error = daily.error ?? levels.error;
  return (
    <div className="ss-mobile-page" data-testid="practice-page">
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'daily', label: t('exams.practice.daily'), children: (daily.data?.items ?? []).map((q, i) => <PracticeQuestion key={q.questionId} q={q} number={i + 1} mode="daily" onAnswered={() => wrong.reload()} />) },
          { key: 'wrong', label: t('exams.practice.wrongBook'), children: wrong.data?.length ? wrong.data.map((q, i) => <PracticeQuestion key={q.questionId} q={q} number={i + 1} mode="wrong-book" />) : <Empty description={t('exams.practice.wrongEmpty')} /> },
          { key: 'mock', label: t('exams.mock.tab'), children: <MockSection /> },
          {
            key: 'levels',
            label: t('exams.practice.levels'),
            children: (
              <div className="ss-levels">
                {(levels.data ?? []).map((l) => {
                  const body = (
                    <>
                      <span className="ss-level__no">{l.status === 'locked' ? <LockOutlined /> : l.status === 'passed' ? <CheckCircleFilled /> : l.order}</span>
                      <span className="ss-level__text">
                        <strong>{l.name}</strong>
                        <small className="ss-exam-muted">{t('exams.practice.passMark', { pass: l.passMark, max: l.maxScore })}{l.bestScore !== null ? ` · ${t('exams.practice.best', { n: l.bestScore })}` : ''}</small>
                      </span>
                      <Tag color={l.status === 'passed' ? 'success' : l.status === 'open' ? 'processing' : 'default'}>{t(`exams.practice.level.${l.status}`)}</Tag>
                    </>
                  );
                  return l.status === 'locked' ? <div key={l.id} className="ss-level is-locked">{body}</div> : <Link key={l.id} to={`/me/practice/levels/${l.id}`} className={`ss-level is-${l.status}`}>{body}</Link>;
                })}
              </div>
            ),
          },
          {
            key: 'board',
            label: t('exams.practice.board'),
            children: (
              <>
                <div className="ss-badges ss-block">
                  {(badges.data ?? []).map((b) => (
                    <div key={b.badgeId} className={`ss-badge${b.earned ? ' is-earned' : ''}`}>
                      <TrophyOutlined className="ss-badge__icon" />
                      <div>{b.name}</div>
                      <small className="ss-exam-muted">{Math.min(b.current, b.target)}/{b.target}</small>
                    </div>
                  ))}
                </div>
                <Card size="small" className="ss-block" title={t('exams.practice.mastery')}>
                  {mastery.data?.length ? <Suspense fallback={<PageLoading />}><MasteryChart points={mastery.data} /></Suspense> : <Empty description={t('exams.practice.masteryEmpty')} />}
                </Card>
                <Card size="small" title={board.data ? t('exams.practice.boardOf', { org: board.data.organisationName }) : t('exams.practice.board')}>
                  <List size="small" dataSource={board.data?.items ?? []} locale={{ emptyText: t('exams.practice.boardEmpty') }} renderItem={(r) => <List.Item extra={<strong>{r.points}</strong>}><span>{r.rank}. {r.name} <small className="ss-exam-muted">{r.organisationName}</small></span></List.Item>} />
                </Card>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
