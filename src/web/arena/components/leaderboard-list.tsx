import { useRef } from 'react';
import type { Standing } from '../api.ts';

type Props = { rows: Standing[]; highlight?: string | null; variant?: 'screen' | 'console' | 'phone'; rowHeight?: number; signedScore?: boolean };

/**
 * The leaderboard. Rows keep a stable DOM order (by first appearance) and are placed with
 * translateY by rank, so a change in order slides rows past each other (a CSS transition),
 * and a score that changed flashes.
 */
export function LeaderboardList({ rows, highlight, variant = 'console', rowHeight = variant === 'screen' ? 96 : 48 }: Props) {
  const order = useRef<string[]>([]);
  const scores = useRef(new Map<string, number>());
  for (const r of rows) if (!order.current.includes(r.unitId)) order.current.push(r.unitId);
  order.current = order.current.filter((id) => rows.some((r) => r.unitId === id));
  const rank = new Map(rows.map((r, i) => [r.unitId, i]));
  const byId = new Map(rows.map((r) => [r.unitId, r]));
  const changed = new Set(rows.filter((r) => scores.current.has(r.unitId) && scores.current.get(r.unitId) !== r.score).map((r) => r.unitId));
  scores.current = new Map(rows.map((r) => [r.unitId, r.score]));
  return (
    <ol className={`arena-board arena-board--${variant}`} style={{ height: rows.length * rowHeight }} data-testid="arena-leaderboard">
      {order.current.map((id) => {
        const r = byId.get(id)!;
        const cls = ['arena-board__row', r.place <= 3 ? `arena-board__row--p${r.place}` : '', id === highlight ? 'arena-board__row--me' : '', changed.has(id) ? 'arena-board__row--flash' : ''].join(' ');
        return (
          <li key={id} className={cls} style={{ transform: `translateY(${rank.get(id)! * rowHeight}px)`, height: rowHeight - 8 }} data-unit={id} data-testid={`board-${id}`}>
            <span className="arena-board__place">{r.place}</span>
            <span className="arena-board__name">{r.name}</span>
            <span className="arena-board__score" key={`${id}:${r.score}`}>{r.score}</span>
          </li>
        );
      })}
    </ol>
  );
}
