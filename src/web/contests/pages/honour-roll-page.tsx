import { Link } from 'react-router-dom';
import { Alert, Card, Empty, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { posterUrl, useHonourRoll } from '../api.ts';
import { AwardBoard } from '../components/award-board.tsx';
import { PublicShell } from '../components/public-shell.tsx';
import '../contests.css';

/** 光荣榜 (/honour-roll): every contest's current published awards, no sign-in. */
export function HonourRollPage() {
  const { t, errorText } = useI18n();
  const roll = useHonourRoll();
  return (
    <PublicShell title={t('contests.public.honourRoll')} subtitle={t('contests.public.honourRollSubtitle')}>
      {roll.error ? <Alert type="error" showIcon title={errorText(roll.error)} /> : null}
      {!roll.data ? (
        <Card><Skeleton active /></Card>
      ) : roll.data.items.length === 0 ? (
        <Card data-testid="honour-roll-empty"><Empty description={t('contests.public.rollEmpty')} /></Card>
      ) : (
        roll.data.items.map((c) => (
          <Card
            key={c.contestId}
            className="ss-block"
            title={<Link to={`/results/${c.contestId}`}>{c.title}</Link>}
            extra={<span className="ss-muted">{t('contests.public.publishedAt', { version: c.version, time: dayjs(c.publishedAt).format('YYYY-MM-DD') })}</span>}
          >
            <AwardBoard awards={c.awards} posterHref={(a) => posterUrl(c.contestId, a, c.version)} />
          </Card>
        ))
      )}
    </PublicShell>
  );
}
