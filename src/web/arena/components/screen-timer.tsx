import { useRef } from 'react';
import { secondsLeft, useTicker } from '../api.ts';

type Props = { deadline: number | null; serverNow: () => number; paused: boolean };

/** A countdown ring for the big screen; red in the last five seconds. */
export function ScreenTimer({ deadline, serverNow, paused }: Props) {
  useTicker(deadline !== null && !paused, 100);
  const span = useRef<{ deadline: number; total: number } | null>(null);
  if (deadline !== null && span.current?.deadline !== deadline) span.current = { deadline, total: Math.max(1000, deadline - serverNow()) };
  const total = span.current?.total ?? 1;
  if (deadline === null) return null;
  const ms = Math.max(0, deadline - serverNow());
  const left = secondsLeft(deadline, serverNow()) ?? 0;
  const r = 54;
  const c = 2 * Math.PI * r;
  const frac = total > 0 ? Math.min(1, ms / total) : 0;
  return (
    <div className={`screen-timer${left <= 5 ? ' screen-timer--urgent' : ''}`} data-testid="screen-timer">
      <svg viewBox="0 0 128 128" width="160" height="160">
        <circle cx="64" cy="64" r={r} className="screen-timer__track" />
        <circle cx="64" cy="64" r={r} className="screen-timer__arc" strokeDasharray={c} strokeDashoffset={c * (1 - frac)} transform="rotate(-90 64 64)" />
      </svg>
      <span className="screen-timer__n">{left}</span>
    </div>
  );
}
