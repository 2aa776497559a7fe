/**
 * A bench client process: opens `count` WebSockets to `url` (a mass quiz joined with a code
 * and a nickname), then on each "answer" order from the parent every client answers at a
 * random moment within the spread and measures the time until a view reflecting its
 * answer arrives. Talks to the parent over IPC.
 */
import { WebSocket } from 'ws';

type Order = { kind: 'connect'; url: string; count: number; offset: number; concurrency: number } | { kind: 'answer'; q: number; spreadMs: number } | { kind: 'close' };
type Client = { ws: WebSocket; sentAt: number; waiting: boolean; ready: boolean; acks: number; openIndex: number; openSeenAt: number; arm: (() => void) | null };

const clients: Client[] = [];
const OPEN = /"question":\{"index":(\d+),[^{}]*?"phase":"(\w+)"/;
let latencies: number[] = [];
let pending = 0;
let onSettled: (() => void) | null = null;

function open(url: string, i: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const c: Client = { ws, sentAt: 0, waiting: false, ready: false, acks: 0, openIndex: -1, openSeenAt: 0, arm: null };
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('{"type":"ping"')) return void ws.send(text.replace('"ping"', '"pong"'));
      if (text.startsWith('{"type":"ack"')) return void (c.acks += 1);
      if (text.startsWith('{"type":"view"')) {
        // the question this client sees open: a person answers after reading it
        const m = OPEN.exec(text);
        if (m && m[2] === 'open' && Number(m[1]) !== c.openIndex) {
          c.openIndex = Number(m[1]);
          c.openSeenAt = Date.now();
          if (c.arm) (c.arm(), (c.arm = null));
        }
      }
      if (!c.ready && text.includes('"me":{')) {
        c.ready = true;
        resolve(c);
      }
      if (c.waiting && text.startsWith('{"type":"view"') && !text.includes('"myChoice":null')) {
        c.waiting = false;
        latencies.push(Date.now() - c.sentAt);
        if (--pending === 0) onSettled?.();
      }
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_r: unknown, res: { statusCode: number }) => reject(new Error(`client ${i}: ${res.statusCode}`)));
  });
}

process.on('message', async (o: Order) => {
  if (o.kind === 'connect') {
    const t0 = Date.now();
    const batch = o.concurrency;
    for (let i = 0; i < o.count; i += batch) {
      const n = Math.min(batch, o.count - i);
      clients.push(...(await Promise.all(Array.from({ length: n }, (_, k) => open(`${o.url}&name=p${o.offset + i + k}`, o.offset + i + k)))));
    }
    process.send!({ kind: 'connected', seconds: (Date.now() - t0) / 1000 });
  } else if (o.kind === 'answer') {
    latencies = [];
    pending = clients.length;
    const done = new Promise<void>((r) => (onSettled = r));
    const timeout = new Promise<void>((r) => setTimeout(r, o.spreadMs + 20_000));
    const answer = (c: Client) =>
      setTimeout(() => {
        c.waiting = true;
        c.sentAt = Date.now();
        c.ws.send(JSON.stringify({ type: 'answer', choice: [Math.random() < 0.7 ? 'B' : 'A'], id: o.q }));
      }, Math.random() * o.spreadMs);
    for (const c of clients) {
      if (c.openIndex === o.q) answer(c);
      else c.arm = () => answer(c);
    }
    await Promise.race([done, timeout]);
    const seen = clients.filter((c) => c.openIndex === o.q).map((c) => c.openSeenAt);
    process.send!({ kind: 'answered', latencies, missing: pending, acks: clients.reduce((a, c) => a + c.acks, 0), lastSeenAt: Math.max(0, ...seen), unseen: clients.length - seen.length });
  } else if (o.kind === 'close') {
    for (const c of clients) c.ws.terminate();
    process.exit(0);
  }
});
process.send!({ kind: 'up' });
