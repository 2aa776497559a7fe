import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useMyExams, type MyExam } from '../api.ts';

const STATE_COLOR: Record<MyExam['state'], string> = { 'not-open': 'default', open: 'processing', 'in-progress': 'warning', submitted: 'success', closed: 'default' };

/** The contestant home's 考试 section: my published exams, what state each is in, one tap to sit or see the result. */
export function MyExamsSection() {
  const { t } = useI18n();
  const exams = useMyExams();
  const items = exams.data ?? [];
  if (!exams.loading && items.length === 0) {
    return (
      <div className="ss-home-empty">
        <span className="ss-home-empty__badge">{t('home.none')}</span>
        <span className="ss-home-empty__text">{t('home.examsEmpty')}</span>
      </div>
    );
  }
  return (
    <div className="ss-my-exams">
      {items.map((e) => {
        const last = e.attempts.at(-1);
        const to = (e.state === 'submitted' || e.state === 'closed') && last ? `/me/attempts/${last.id}` : `/me/exams/${e.id}`;
        return (
          <Link key={e.id} to={to} className="ss-list-row ss-my-exam" data-testid={`my-exam-${e.id}`}>
            <span className="ss-my-exam__text">
              <span className="ss-my-exam__title">{e.title}</span>
              <small>
                {dayjs(e.opensAt).format('MM-DD HH:mm')} – {dayjs(e.closesAt).format('MM-DD HH:mm')} · {t('exams.take.minutes', { n: e.durationMinutes })}
              </small>
            </span>
            <Tag color={STATE_COLOR[e.state]}>{e.state === 'closed' && e.resultsReleased && last ? t('exams.state.released') : t(`exams.state.${e.state}`)}</Tag>
            <RightOutlined className="ss-list-row__arrow" />
          </Link>
        );
      })}
    </div>
  );
}
