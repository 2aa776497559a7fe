import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../shared/api.ts';
import { saveMockAnswer, saveMockFlag, type Answer, type MockAttemptView, type MockSaveAck } from '../api.ts';
import type { ItemSync, LocalItem } from '../use-answer-sync.ts';

type Op = { key: string; itemId: string; field: 'answer' | 'flag'; response?: Answer | null; flagged?: boolean };
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];

/**
 * Autosave for a mock exam, as the real exam does it: every answer and flag goes to the server as it
 * is given, one request at a time and in order; a newer change to an item replaces the queued one;
 * a failed save stays queued and is retried (backoff, and at once on `online`); an item shows
 * "saved" only once acknowledged. A 409 means the attempt is closed (submitted or time up).
 */
export function useMockSync(opts: { view: MockAttemptView; onAck: (ack: MockSaveAck) => void; onClosed: () => void }) {
  const attemptId = opts.view.attempt.id;
  const [items, setItems] = useState<Record<string, LocalItem>>(() => Object.fromEntries(opts.view.answers.map((a) => [a.itemId, { response: a.response, flagged: a.flagged }])));
  const [sync, setSync] = useState<Record<string, ItemSync>>({});
  const [online, setOnline] = useState(() => navigator.onLine);
  const pending = useRef(new Map<string, Op>());
  const failures = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const closed = useRef(false);
  const handlers = useRef(opts);
  handlers.current = opts;
  const running = useRef<Promise<void> | null>(null);

  const mark = useCallback((itemId: string, state: ItemSync) => setSync((s) => ({ ...s, [itemId]: state })), []);
  const drain = useCallback(async (): Promise<void> => {
    await Promise.resolve();
    if (closed.current) return;
    window.clearTimeout(timer.current);
    try {
      for (let op = pending.current.values().next().value; op; op = pending.current.values().next().value) {
        if (!navigator.onLine) {
          for (const o of pending.current.values()) mark(o.itemId, 'failed');
          return;
        }
        try {
          const ack = op.field === 'answer' ? await saveMockAnswer(attemptId, op.itemId, op.response ?? null) : await saveMockFlag(attemptId, op.itemId, op.flagged ?? false);
          if (pending.current.get(op.key) === op) pending.current.delete(op.key);
          failures.current = 0;
          if (!pending.current.has(`answer:${op.itemId}`) && !pending.current.has(`flag:${op.itemId}`)) mark(op.itemId, 'saved');
          handlers.current.onAck(ack);
        } catch (e) {
          if (isApiError(e) && e.status === 409) {
            closed.current = true;
            handlers.current.onClosed();
            return;
          }
          if (isApiError(e) && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 408 && e.status !== 429) {
            if (pending.current.get(op.key) === op) pending.current.delete(op.key);
            mark(op.itemId, 'failed');
            continue;
          }
          for (const o of pending.current.values()) mark(o.itemId, 'failed');
          timer.current = window.setTimeout(() => void flush(), RETRY_MS[Math.min(failures.current++, RETRY_MS.length - 1)]);
          return;
        }
      }
    } finally {
      running.current = null;
    }
  }, [attemptId, mark]);
  const flush = useCallback((): Promise<void> => (running.current ??= drain()), [drain]);

  const enqueue = useCallback(
    (op: Op) => {
      pending.current.delete(op.key);
      pending.current.set(op.key, op);
      mark(op.itemId, 'pending');
      void flush();
    },
    [flush, mark],
  );
  const setAnswer = useCallback(
    (itemId: string, response: Answer | null) => {
      setItems((s) => ({ ...s, [itemId]: { flagged: s[itemId]?.flagged ?? false, response } }));
      enqueue({ key: `answer:${itemId}`, itemId, field: 'answer', response });
    },
    [enqueue],
  );
  const setFlag = useCallback(
    (itemId: string, flagged: boolean) => {
      setItems((s) => ({ ...s, [itemId]: { response: s[itemId]?.response ?? null, flagged } }));
      enqueue({ key: `flag:${itemId}`, itemId, field: 'flag', flagged });
    },
    [enqueue],
  );

  useEffect(() => {
    const up = () => {
      setOnline(true);
      failures.current = 0;
      void flush();
    };
    const down = () => setOnline(false);
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.removeEventListener('beforeunload', warn);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  const unsaved = Object.values(sync).filter((s) => s !== 'saved').length;
  return { items, sync, online, unsaved, failing: Object.values(sync).some((s) => s === 'failed'), setAnswer, setFlag, flush, hasPending: () => pending.current.size > 0 };
}
