import { Link } from 'react-router-dom';
import { Button, Card, Empty, Tag } from 'antd';
import { CalendarOutlined, CheckCircleFilled, TrophyFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { formatRemaining } from '../use-server-clock.ts';
import { useMyWeeks, useWeekLeaderboard, type MyMock, type WeekBoardEntry } from '../api.ts';
import './mock.css';

const TOP = 10;

/**
 * 每周小测 (a mock exam with cadence weekly): this week's status and the way in, this week's
 * leaderboard (top 10 and my place when I am further down) and my score week by week.
 */
export function WeeklyQuizCard({ mock }: { mock: MyMock }) {
  const { t } = useI18n();
  const board = useWeekLeaderboard(mock.id);
  const weeks = useMyWeeks(mock.id);
  const w = mock.weekly!;
  const time = (seconds: number) => t('exams.weekly.seconds', { m: Math.floor(seconds / 60), s: seconds % 60 });
  const status = mock.inProgress?.clock
    ? <Tag color="processing">{t('exams.mock.inProgress', { time: formatRemaining(mock.inProgress.clock.remainingMs) })}</Tag>
    : w.done
      ? <Tag color="success" icon={<CheckCircleFilled />} data-testid="weekly-done">{t('exams.weekly.done')}</Tag>
      : <Tag color="warning" data-testid="weekly-not-done">{t('exams.weekly.notDone')}</Tag>;
  const action = w.done && w.attempt
    ? <Link to={`/me/practice/mock-attempts/${w.attempt.id}`}><Button block>{t('exams.weekly.viewMine')}</Button></Link>
    : <Link to={`/me/practice/mocks/${mock.id}`}><Button type="primary" block disabled={!mock.available} data-testid="weekly-start">{mock.inProgress ? t('exams.mock.resume') : t('exams.weekly.start')}</Button></Link>;

  const data = board.data;
  const me = data?.me ?? null;
  const row = (e: WeekBoardEntry, mine: boolean) => (
    <li key={e.personId} className={`ss-weekly-row${mine ? ' is-me' : ''}${e.place <= 3 ? ` is-top${e.place}` : ''}`} data-testid={mine ? 'weekly-me' : 'weekly-row'}>
      <span className="ss-weekly-row__place">{e.place <= 3 ? <TrophyFilled /> : null}{e.place}</span>
      <span className="ss-weekly-row__who">
        <strong>{e.name}{mine ? <Tag className="ss-weekly-row__me">{t('exams.weekly.me')}</Tag> : null}</strong>
        <small>{e.organisationName}</small>
      </span>
      <span className="ss-weekly-row__score">
        <strong>{e.score}</strong>
        <small>{time(e.seconds)}</small>
      </span>
    </li>
  );

  return (
    <Card size="small" className="ss-block ss-weekly" data-testid={`weekly-${mock.id}`}>
      <div className="ss-weekly__head">
        <span className="ss-weekly__icon"><CalendarOutlined /></span>
        <span className="ss-weekly__title">
          <strong>{mock.name}</strong>
          <small className="ss-exam-muted">{t('exams.weekly.week', { week: w.week, from: w.firstDay.slice(5), to: w.lastDay.slice(5) })}</small>
          <small className="ss-exam-muted">{t('exams.mock.duration', { n: mock.durationMinutes })} · {t('exams.weekly.oncePerWeek')}</small>
        </span>
        <span className="ss-weekly__status">{status}</span>
      </div>
      <div className="ss-weekly__action">{action}</div>

      <div className="ss-weekly__section">
        <div className="ss-weekly__section-head">
          <strong>{t('exams.weekly.board')}</strong>
          {data ? <small className="ss-exam-muted">{t('exams.weekly.participants', { n: data.participants })} · {t('exams.weekly.rankHint')}</small> : null}
        </div>
        {data && data.participants === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exams.weekly.boardEmpty')} /> : null}
        {data && data.top.length > 0 ? (
          <ol className="ss-weekly-board" data-testid="weekly-board">
            {data.top.slice(0, TOP).map((e) => row(e, e.personId === me?.personId))}
            {me && !data.top.slice(0, TOP).some((e) => e.personId === me.personId) ? (
              <>
                <li className="ss-weekly-row is-gap" aria-hidden>⋯</li>
                {row(me, true)}
              </>
            ) : null}
          </ol>
        ) : null}
        {data && data.participants > 0 ? (
          <p className="ss-weekly__mine">{me ? t('exams.weekly.myPlace', { place: me.place, n: data.participants }) : t('exams.weekly.notYet')}</p>
        ) : null}
      </div>

      <div className="ss-weekly__section">
        <div className="ss-weekly__section-head"><strong>{t('exams.weekly.trend')}</strong></div>
        {weeks.data && weeks.data.length === 0 ? <p className="ss-exam-muted">{t('exams.weekly.trendEmpty')}</p> : null}
        {weeks.data && weeks.data.length > 0 ? (
          <ul className="ss-weekly-trend" data-testid="weekly-trend">
            {weeks.data.slice(-8).map((x) => (
              <li key={x.week}>
                <span className="ss-weekly-trend__week">{x.week.slice(5)}<small>{x.firstDay.slice(5)}</small></span>
                <span className="ss-weekly-trend__bar"><span style={{ width: `${Math.max(2, x.percent)}%` }} /></span>
                <span className="ss-weekly-trend__text">{t('exams.weekly.trendRow', { score: x.score, max: x.maxScore, place: x.place, n: x.participants })}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
