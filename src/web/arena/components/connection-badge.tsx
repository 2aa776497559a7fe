import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { LiveSnapshot } from '../api.ts';

/** Connected (with the last command's latency), connecting, or reconnecting. */
export function ConnectionBadge({ live, dark = false }: { live: Pick<LiveSnapshot, 'status' | 'attempts' | 'latencyMs'>; dark?: boolean }) {
  const { t } = useI18n();
  const cls = `arena-conn arena-conn--${live.status}${dark ? ' arena-conn--dark' : ''}`;
  if (live.status === 'open')
    return (
      <span className={cls} data-testid="arena-conn">
        <i className="arena-conn__dot" />
        {live.latencyMs !== null ? t('arena.conn.latency', { ms: live.latencyMs }) : 'LIVE'}
      </span>
    );
  return (
    <Tag color={live.status === 'reconnecting' ? 'warning' : 'processing'} className={cls} data-testid="arena-conn">
      {live.status === 'reconnecting' ? t('arena.conn.reconnecting', { n: live.attempts }) : t('arena.conn.connecting')}
    </Tag>
  );
}
