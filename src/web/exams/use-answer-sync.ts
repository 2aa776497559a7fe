import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../shared/api.ts';
import type { Answer, SaveAck } from './api.ts';

export type ItemSync = 'saved' | 'pending' | 'failed';
export type LocalItem = { response: Answer | null; flagged: boolean };
type Op = { key: string; itemId: string; field: 'answer' | 'flag'; response?: Answer | null; flagged?: boolean };

/**
 * The server calls for one attempt (a real exam's or a mock exam's). `saveAnswers` is the batch
 * route; where there is none (mock exams) every change goes in a request of its own.
 */
export type SaveCalls = {
  saveAnswer: (itemId: string, response: Answer | null) => Promise<SaveAck>;
  saveFlag: (itemId: string, flagged: boolean) => Promise<SaveAck>;
  saveAnswers?: (answers: { itemId: string; response: Answer | null }[]) => Promise<SaveAck[]>;
};

const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];
/** at most this many queued answers go in one request */
export const MAX_BATCH = 20;

/**
 * Every answer and flag goes to the server as it is given. One request at a time, in order, so
 * the server's sequence numbers follow the order of the candidate's changes; a newer change to the
 * same item replaces the queued one. Answers given while a request is out (a fast candidate, a
 * busy server, a reconnect after being offline) are queued and then go together, up to MAX_BATCH
 * in one request, which the server acknowledges or refuses as a whole (where there is a batch
 * route: real exams; a mock exam sends them one by one). A failed save stays queued and is retried
 * (with backoff, and at once when the browser comes back online); an item is "saved" only once the
 * server acknowledged its latest change. A 409 means the attempt is closed (submitted, time up).
 */
export function useAnswerSync(opts: {
  answers: ({ itemId: string } & LocalItem)[];
  calls: SaveCalls;
  onAck: (ack: SaveAck) => void;
  onClosed: () => void;
}) {
  const [items, setItems] = useState<Record<string, LocalItem>>(() =>
    Object.fromEntries(opts.answers.map((a) => [a.itemId, { response: a.response, flagged: a.flagged }])),
  );
  const [sync, setSync] = useState<Record<string, ItemSync>>({});
  const [online, setOnline] = useState(() => navigator.onLine);
  const pending = useRef(new Map<string, Op>());
  const failures = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const closed = useRef(false);
  const handlers = useRef(opts);
  handlers.current = opts;

  const markItem = useCallback((itemId: string, state: ItemSync) => setSync((s) => ({ ...s, [itemId]: state })), []);
  const stillPending = (itemId: string) => pending.current.has(`answer:${itemId}`) || pending.current.has(`flag:${itemId}`);

  const running = useRef<Promise<void> | null>(null);
  /** after a batch was refused (400): this many requests go one change at a time */
  const solo = useRef(0);
  const drain = useCallback(async (): Promise<void> => {
    await Promise.resolve(); // `running` is set before anything below runs
    if (closed.current) return;
    window.clearTimeout(timer.current);
    try {
      for (let op = first(pending.current); op; op = first(pending.current)) {
        if (!navigator.onLine) {
          // no request while the browser knows it is offline: the `online` event sends the queue
          for (const o of pending.current.values()) markItem(o.itemId, 'failed');
          return;
        }
        // the leading run of queued answers (up to a flag) goes in one request; a lone change as before
        const { saveAnswer, saveFlag, saveAnswers } = handlers.current.calls;
        const batch = op.field === 'answer' ? leadingAnswers(pending.current, saveAnswers && !solo.current ? MAX_BATCH : 1) : [op];
        try {
          const acks =
            saveAnswers && batch.length > 1
              ? await saveAnswers(batch.map((o) => ({ itemId: o.itemId, response: o.response ?? null })))
              : [op.field === 'answer' ? await saveAnswer(op.itemId, op.response ?? null) : await saveFlag(op.itemId, op.flagged ?? false)];
          // an op replaced meanwhile (a newer change to the item) stays queued, and its item "pending"
          for (const o of batch) if (pending.current.get(o.key) === o) pending.current.delete(o.key);
          failures.current = 0;
          solo.current = Math.max(0, solo.current - 1);
          for (const o of batch) if (!stillPending(o.itemId)) markItem(o.itemId, 'saved');
          handlers.current.onAck(acks[acks.length - 1]);
        } catch (e) {
          if (isApiError(e) && e.status === 409) {
            closed.current = true;
            handlers.current.onClosed();
            return;
          }
          if (isApiError(e) && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 408 && e.status !== 429) {
            if (batch.length > 1) {
              // one of them is refused for good: send these one by one, so only that one is lost
              solo.current = batch.length;
              continue;
            }
            // the server refused this change for good: keep the rest going
            solo.current = Math.max(0, solo.current - 1);
            if (pending.current.get(op.key) === op) pending.current.delete(op.key);
            markItem(op.itemId, 'failed');
            continue;
          }
          for (const o of pending.current.values()) markItem(o.itemId, 'failed');
          const wait = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)];
          failures.current++;
          timer.current = window.setTimeout(() => void flush(), wait);
          return;
        }
      }
    } finally {
      running.current = null;
    }
  }, [markItem]);
  /** sends what is queued; a second call while sending waits for the same run */
  const flush = useCallback((): Promise<void> => (running.current ??= drain()), [drain]);

  const enqueue = useCallback(
    (op: Op) => {
      pending.current.delete(op.key); // the newest change goes to the back of the queue
      pending.current.set(op.key, op);
      markItem(op.itemId, 'pending');
      void flush();
    },
    [flush, markItem],
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
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.removeEventListener('beforeunload', warn);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  const unsaved = Object.values(sync).filter((s) => s !== 'saved').length;
  const failing = Object.values(sync).some((s) => s === 'failed');
  return { items, sync, online, unsaved, failing, setAnswer, setFlag, flush, hasPending: () => pending.current.size > 0 };
}

function first(map: Map<string, Op>): Op | undefined {
  return map.values().next().value;
}

/** The queued answers in order, up to the first flag change and at most `max`. */
function leadingAnswers(map: Map<string, Op>, max: number): Op[] {
  const out: Op[] = [];
  for (const o of map.values()) {
    if (o.field !== 'answer' || out.length >= max) break;
    out.push(o);
  }
  return out;
}

export function isAnswered(response: Answer | null | undefined): boolean {
  if (!response) return false;
  switch (response.kind) {
    case 'choice':
      return response.keys.length > 0;
    case 'truefalse':
      return true;
    case 'fill':
      return response.blanks.some((b) => b.trim() !== '');
    case 'text':
      return response.text.trim() !== '';
  }
}
