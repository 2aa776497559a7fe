import { useCallback, useEffect, useRef, useState } from 'react';

const RESYNC_MS = 20_000;

/**
 * The remaining time as the server last said it. Between two answers from the server the display
 * counts down from that reading (a monotonic clock, so a wrong or changed device clock does not
 * matter); every save acknowledgement and a periodic re-sync (`read`: a real exam's clock endpoint,
 * a few dozen bytes, or a mock attempt's view; null keeps the reading) replace the reading. An
 * attempt submitted elsewhere (proctor, another device) reads 0 remaining, so the page ends as at time up.
 */
export function useServerClock(opts: { initialRemainingMs: number; read: () => Promise<number | null>; onTimeUp: () => void }) {
  const reading = useRef({ remainingMs: opts.initialRemainingMs, at: performance.now() });
  const [remainingMs, setRemainingMs] = useState(opts.initialRemainingMs);
  const [syncedAt, setSyncedAt] = useState(() => Date.now());
  const fired = useRef(false);
  const handlers = useRef(opts);
  handlers.current = opts;

  const sync = useCallback((serverRemainingMs: number) => {
    reading.current = { remainingMs: serverRemainingMs, at: performance.now() };
    setRemainingMs(serverRemainingMs);
    setSyncedAt(Date.now());
  }, []);

  useEffect(() => {
    const tick = window.setInterval(() => {
      const left = Math.max(0, reading.current.remainingMs - (performance.now() - reading.current.at));
      setRemainingMs(left);
      if (left <= 0 && !fired.current) {
        fired.current = true;
        handlers.current.onTimeUp();
      }
    }, 500);
    const resync = window.setInterval(() => {
      if (!navigator.onLine) return;
      handlers.current
        .read()
        .then((ms) => ms !== null && sync(ms))
        .catch(() => undefined); // offline: keep counting from the last reading
    }, RESYNC_MS);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(resync);
    };
  }, [sync]);

  return { remainingMs, syncedAt, sync };
}

export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
