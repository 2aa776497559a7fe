/**
 * The limit: a bare `ws` server doing the same fan-out as the hub, with no rules and no
 * database. Like the hub in a big round it gathers answers for 20 ms (the hub's group
 * commit), then sends each answerer a view carrying its choice and the shared part of the
 * round (serialised once per batch) followed by its ack, both corked into one write; and,
 * like the hub, it refreshes every other player's stale view (the live answer count) at
 * most every max(3 s, N ms), checked every 150 ms.
 */
import { WebSocketServer, type WebSocket } from 'ws';

type Raw = { cork(): void; uncork(): void };
type Client = { ws: WebSocket; raw: Raw; choice: string | null; lastViewAt: number; lastAnswered: number };
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
const clients = new Map<WebSocket, Client>();
let pending: { c: Client; id: unknown }[] = [];
let timer: NodeJS.Timeout | null = null;
let answered = 0;
let question = -1;
let phase = 'ready';
let answeredNow = 0;
const sharedBody = (n: number) =>
  JSON.stringify({
    roundId: 'bare',
    seq: n,
    viewer: 'player',
    status: 'running',
    paused: false,
    questionCount: 20,
    question: { index: question, questionId: 'q', format: 'mass-quiz', phase,
      shown: true, prompt: '第 1 题：以下哪项是服务规范要求的标准开头语？', options: [{ key: 'A', text: '喂，什么事' }, { key: 'B', text: '您好，很高兴为您服务' }, { key: 'C', text: '说吧' }, { key: 'D', text: '快点讲' }], points: 10, answered: n },
    leaderboard: Array.from({ length: 10 }, (_, i) => ({ unitId: `g${i}`, place: i + 1, score: 0, bonus: 0, streak: 0, correct: 0, name: `p${i}` })),
    podium: null,
  }).slice(0, -1);
const me = (c: Client) => JSON.stringify({ playerId: 'g', unitId: 'g', score: 0, place: 1, removed: false, eliminated: false, myChoice: c.choice ? [c.choice] : null, myTurn: false, myStake: null, canBuzz: false });

const corked = new Set<Raw>();
function send(c: Client, text: string) {
  if (!corked.has(c.raw)) {
    c.raw.cork();
    if (corked.size === 0) setImmediate(() => (corked.forEach((r) => r.uncork()), corked.clear()));
    corked.add(c.raw);
  }
  c.ws.send(text);
}

function flushAnswers() {
  timer = null;
  const batch = pending;
  pending = [];
  const prefix = `{"type":"view","view":${sharedBody(answered)},"me":`;
  const now = Date.now();
  for (const { c, id } of batch) {
    send(c, `${prefix}${me(c)}}}`);
    c.lastViewAt = now;
    c.lastAnswered = answered;
    send(c, `{"type":"ack","id":${JSON.stringify(id ?? null)},"seq":${answered}}`);
  }
}

/** The host's commands: each is a view broadcast to everyone (as the hub does when the question changes). */
function host(h: Client, type: string, id: unknown) {
  if (type === 'next') {
    question++;
    answeredNow = 0;
    for (const c of clients.values()) c.choice = null;
  }
  phase = type === 'next' ? 'ready' : type === 'openQuestion' ? 'open' : 'closed';
  answered++;
  const prefix = `{"type":"view","view":${sharedBody(answered)},"me":`;
  const now = Date.now();
  for (const c of clients.values()) {
    if (c === h) continue;
    send(c, `${prefix}${me(c)}}}`);
    c.lastViewAt = now;
    c.lastAnswered = answered;
  }
  if (type === 'closeQuestion') send(h, `{"type":"events","seq":${answered},"events":[{"type":"questionClosed","answered":${answeredNow}}]}`);
  send(h, `{"type":"ack","id":${JSON.stringify(id ?? null)},"seq":${answered}}`);
}

wss.on('connection', (ws: WebSocket) => {
  const c: Client = { ws, raw: (ws as unknown as { _socket: Raw })._socket, choice: null, lastViewAt: Date.now(), lastAnswered: answered };
  clients.set(ws, c);
  ws.on('close', () => clients.delete(ws));
  send(c, `{"type":"hello","view":${sharedBody(answered)},"me":${me(c)}}}`);
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as { type: string; choice?: string[]; id?: number };
    if (m.type === 'next' || m.type === 'openQuestion' || m.type === 'closeQuestion' || m.type === 'finish') return host(c, m.type, m.id);
    if (m.type !== 'answer') return;
    answered++;
    answeredNow++;
    c.choice = m.choice![0];
    pending.push({ c, id: m.id });
    timer ??= setTimeout(flushAnswers, 20);
  });
});
setInterval(() => {
  const now = Date.now();
  const slowMs = Math.max(3000, clients.size);
  let prefix: string | null = null;
  for (const c of clients.values()) {
    if (c.lastAnswered === answered || now - c.lastViewAt < slowMs) continue;
    prefix ??= `{"type":"view","view":${sharedBody(answered)},"me":`;
    send(c, `${prefix}${me(c)}}}`);
    c.lastViewAt = now;
    c.lastAnswered = answered;
  }
}, 150);
wss.on('listening', () => {
  const a = wss.address() as { port: number };
  console.log(`bare ws listening on ${a.port}`);
});
