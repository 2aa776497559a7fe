import { useEffect, useState } from 'react';
import { fetchScreen, type ScreenState } from './api.ts';

/** Polls the public big-screen state; keeps the last picture through a failed poll. */
export function useScreen(token: string | null, intervalMs = 1500): { state: ScreenState | undefined; error: unknown; refresh: () => void } {
  const [state, setState] = useState<ScreenState | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (!token) return;
    let alive = true;
    const controller = new AbortController();
    const load = () =>
      fetchScreen(token, controller.signal)
        .then((s) => {
          if (!alive) return;
          setState(s);
          setError(undefined);
        })
        .catch((e: unknown) => {
          if (alive && (e as Error).name !== 'AbortError') setError(e);
        });
    void load();
    const timer = window.setInterval(() => void load(), intervalMs);
    return () => {
      alive = false;
      controller.abort();
      window.clearInterval(timer);
    };
  }, [token, intervalMs, nonce]);
  return { state, error, refresh: () => setNonce((n) => n + 1) };
}
