import { Link } from 'react-router-dom';
import { Button, Empty, Tag } from 'antd';
import { RightOutlined, TeamOutlined, ThunderboltFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useMyRounds, type MyRound } from '../api.ts';
import '../arena.css';

const STATUS_COLOUR: Record<MyRound['status'], string> = { live: 'red', waiting: 'gold', finished: 'default' };

/** The contestant's live rounds (phone first): status, team, and the button into the phone view. */
export function MyRoundsSection({ compact = false }: { compact?: boolean }) {
  const { t, errorText } = useI18n();
  const rounds = useMyRounds();
  if (rounds.error) return <div className="arena-mine__error">{errorText(rounds.error)}</div>;
  if (!rounds.data) return <div className="arena-mine__loading">…</div>;
  const items = compact ? rounds.data.filter((r) => r.status !== 'finished').slice(0, 3) : rounds.data;
  return (
    <div className="arena-mine" data-testid="my-rounds">
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arena.mine.empty')} />}
      {items.map((r) => (
        <div key={r.id} className={`arena-mine__row arena-mine__row--${r.status}`} data-testid={`my-round-${r.id}`} data-status={r.status}>
          <div className="arena-mine__body">
            <div className="arena-mine__title">
              {r.status === 'live' && <ThunderboltFilled className="arena-mine__live" />}
              <b>{r.title}</b>
            </div>
            <div className="arena-mine__facts">
              <Tag color={STATUS_COLOUR[r.status]} data-testid="my-round-status">{t(`arena.mine.status.${r.status}`)}</Tag>
              <Tag variant="filled" color="blue">{t(`arena.format.${r.format}`)}</Tag>
              {r.teamName ? (
                <span><TeamOutlined /> {t('arena.mine.team', { name: r.teamName })}</span>
              ) : (
                !r.onRoster && <span>{t('arena.mine.open')}</span>
              )}
              <span>· {t('arena.mine.questions', { n: r.questionCount })}</span>
            </div>
          </div>
          <Link to={r.playPath}>
            <Button type={r.status === 'finished' ? 'default' : 'primary'} size="large" data-testid="my-round-enter">
              {r.status === 'finished' ? t('arena.mine.result') : t('arena.mine.enter')} <RightOutlined />
            </Button>
          </Link>
        </div>
      ))}
      {compact && rounds.data.length > items.length && (
        <Link to="/arena/mine" className="arena-mine__more">
          {t('arena.mine.title')} <RightOutlined />
        </Link>
      )}
    </div>
  );
}
