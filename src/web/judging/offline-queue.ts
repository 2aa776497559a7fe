/**
 * The judge's phone keeps working through a network drop: a score that cannot be sent waits in
 * localStorage (per signed-in person) and goes out with the batch route when the network returns.
 * Every submission carries a client id, so a re-send after a lost answer is harmless (duplicate).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../shared/api.ts';
import { submitBatch, submitSheet, type BatchOutcome, type SheetInput } from './api.ts';

export type QueuedSheet = SheetInput & { panelId: number; judgeId: number; queuedAt: string };
/** the last word on one entry's submission: sent now, or the batch's outcome */
export type SheetOutcome = { entryId: number; status: BatchOutcome['status'] | 'created' | 'updated'; via: 'online' | 'offline'; code?: string; reason?: string; reasonZh?: string };

const storageKey = (personId: number) => `servicestar.judging.queue.${personId}`;

function readQueue(personId: number): QueuedSheet[] {
  try {
    const raw = localStorage.getItem(storageKey(personId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedSheet[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(personId: number, queue: QueuedSheet[]) {
  try {
    if (queue.length === 0) localStorage.removeItem(storageKey(personId));
    else localStorage.setItem(storageKey(personId), JSON.stringify(queue));
  } catch {
    // storage full or blocked: the queue still lives in memory for this tab
  }
}

export function newClientId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export type ScoreQueue = {
  queue: QueuedSheet[];
  outcomes: Record<string, SheetOutcome>;
  online: boolean;
  flushing: boolean;
  /** send now, or queue when offline / the request never reached the server; other refusals are thrown */
  submit: (panelId: number, judgeId: number, sheet: Omit<SheetInput, 'clientId'>) => Promise<'sent' | 'queued'>;
  flush: () => Promise<void>;
};

const outcomeKey = (panelId: number, entryId: number) => `${panelId}:${entryId}`;

export function useScoreQueue(personId: number, onSent: () => void): ScoreQueue {
  const [queue, setQueue] = useState<QueuedSheet[]>(() => readQueue(personId));
  const [outcomes, setOutcomes] = useState<Record<string, SheetOutcome>>({});
  const [flushing, setFlushing] = useState(false);
  const online = useOnline();
  const busy = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const replace = useCallback(
    (next: QueuedSheet[]) => {
      writeQueue(personId, next);
      setQueue(next);
    },
    [personId],
  );

  const flush = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    const pending = readQueue(personId);
    if (pending.length === 0) return;
    busy.current = true;
    setFlushing(true);
    try {
      const panels = [...new Set(pending.map((q) => `${q.panelId}:${q.judgeId}`))];
      for (const key of panels) {
        const [panelId, judgeId] = key.split(':').map(Number);
        const items = pending.filter((q) => q.panelId === panelId && q.judgeId === judgeId);
        const r = await submitBatch(panelId, judgeId, items.map(({ entryId, scores, comment, clientId }) => ({ entryId, scores, comment, clientId })));
        const done = new Set(r.outcomes.map((o) => o.clientId));
        replace(readQueue(personId).filter((q) => !done.has(q.clientId)));
        setOutcomes((prev) => {
          const next = { ...prev };
          for (const o of r.outcomes) next[outcomeKey(panelId, o.entryId)] = { entryId: o.entryId, status: o.status, via: 'offline', code: o.code, reason: o.reason, reasonZh: o.reasonZh };
          return next;
        });
      }
      onSentRef.current();
    } catch {
      // still unreachable: the queue stays and the next tick tries again
    } finally {
      busy.current = false;
      setFlushing(false);
    }
  }, [personId, replace]);

  // send when the network returns, and keep trying while anything waits
  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);
  useEffect(() => {
    if (queue.length === 0) return;
    const timer = window.setInterval(() => void flush(), 4000);
    return () => window.clearInterval(timer);
  }, [queue.length, flush]);

  const submit = useCallback<ScoreQueue['submit']>(
    async (panelId, judgeId, sheet) => {
      const item: QueuedSheet = { ...sheet, clientId: newClientId(), panelId, judgeId, queuedAt: new Date().toISOString() };
      const enqueue = () => {
        replace([...readQueue(personId), item]);
        setOutcomes((prev) => {
          const next = { ...prev };
          delete next[outcomeKey(panelId, sheet.entryId)];
          return next;
        });
        return 'queued' as const;
      };
      if (!navigator.onLine) return enqueue();
      try {
        const r = await submitSheet(panelId, judgeId, item);
        setOutcomes((prev) => ({ ...prev, [outcomeKey(panelId, sheet.entryId)]: { entryId: sheet.entryId, status: r.status, via: 'online' } }));
        return 'sent';
      } catch (e) {
        if (isApiError(e) && e.code === 'NETWORK') return enqueue();
        throw e;
      }
    },
    [personId, replace],
  );

  return { queue, outcomes, online, flushing, submit, flush };
}

export const outcomeOf = (q: ScoreQueue, panelId: number, entryId: number): SheetOutcome | undefined => q.outcomes[outcomeKey(panelId, entryId)];
export const pendingFor = (q: ScoreQueue, panelId: number, entryId: number): number => q.queue.filter((x) => x.panelId === panelId && x.entryId === entryId).length;
