import { Link } from 'react-router-dom';
import { BookOutlined, ClockCircleOutlined, CloseCircleOutlined, CrownOutlined, FlagOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useLevels, useWrongBook } from '../api.ts';

/** The contestant home's 练习 section: shortcuts to daily practice, the wrong-answer book, mock exams, levels and the leaderboard. */
export function PracticeSection() {
  const { t } = useI18n();
  const wrong = useWrongBook();
  const levels = useLevels();
  const passed = levels.data?.filter((l) => l.status === 'passed').length ?? 0;
  const rows = [
    { to: '/me/practice?tab=daily', icon: <BookOutlined />, label: t('exams.practice.daily'), extra: t('exams.practice.dailyHint') },
    { to: '/me/practice?tab=wrong', icon: <CloseCircleOutlined />, label: t('exams.practice.wrongBook'), extra: wrong.data ? t('exams.practice.wrongCount', { n: wrong.data.length }) : '' },
    { to: '/me/practice?tab=mock', icon: <ClockCircleOutlined />, label: t('exams.mock.tab'), extra: t('exams.mock.hint') },
    { to: '/me/practice?tab=levels', icon: <FlagOutlined />, label: t('exams.practice.levels'), extra: levels.data ? t('exams.practice.levelsPassed', { n: passed, total: levels.data.length }) : '' },
    { to: '/me/practice?tab=board', icon: <CrownOutlined />, label: t('exams.practice.board'), extra: '' },
  ];
  return (
    <div data-testid="practice-links">
      {rows.map((r) => (
        <Link key={r.to} to={r.to} className="ss-list-row">
          {r.icon} <span className="ss-list-row__label">{r.label}</span>
          <small className="ss-exam-muted">{r.extra}</small>
          <RightOutlined className="ss-list-row__arrow" />
        </Link>
      ))}
    </div>
  );
}
