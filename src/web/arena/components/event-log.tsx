import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { ViewEvent } from '../api.ts';
import { eventText } from '../labels.ts';

type Props = { events: readonly ViewEvent[]; name: (id: string) => string; limit?: number; activeSeq?: number; onPick?: (seq: number) => void };

/** Newest first, with the sequence number and the server time of each event. */
export function EventLog({ events, name, limit = 40, activeSeq, onPick }: Props) {
  const { t } = useI18n();
  const shown = onPick ? events : events.slice(-limit).reverse();
  return (
    <ol className="arena-log" data-testid="arena-log">
      {shown.map((e) => (
        <li key={e.seq} className={`arena-log__row arena-log__row--${e.type}${e.seq === activeSeq ? ' arena-log__row--active' : ''}`} onClick={onPick ? () => onPick(e.seq) : undefined}>
          <span className="arena-log__seq">#{e.seq}</span>
          <span className="arena-log__time">{dayjs(e.at).format('HH:mm:ss.SSS')}</span>
          <span className="arena-log__text">{eventText(t, e, name)}</span>
        </li>
      ))}
    </ol>
  );
}
