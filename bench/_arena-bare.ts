/**
 * The limit: a bare `ws` server doing the same fan-out as the hub (a player answers, the
 * answer is recorded, and within the same ~150 ms coalescing window that client gets a
 * view carrying its choice and the shared part of the round), with no rules, no database.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
const dirty = new Set<WebSocket>();
const choice = new Map<WebSocket, string>();
let answered = 0;
const shared = JSON.stringify({ roundId: 'bare', seq: 0, status: 'running', paused: false, questionCount: 20, question: { index: 0, questionId: 'q', format: 'mass-quiz', phase: 'open', prompt: '题目', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }, { key: 'C', text: '丙' }, { key: 'D', text: '丁' }] }, leaderboard: Array.from({ length: 10 }, (_, i) => ({ unitId: `g${i}`, place: i + 1, score: 0, name: `p${i}` })) }).slice(0, -1);

wss.on('connection', (ws: WebSocket) => {
  ws.send(`{"type":"hello","view":${shared},"me":{"score":0}}}`);
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as { type: string; choice?: string[]; id?: number };
    if (m.type !== 'answer') return;
    answered++;
    choice.set(ws, m.choice![0]);
    ws.send(`{"type":"ack","id":${JSON.stringify(m.id ?? null)},"seq":${answered}}`);
    dirty.add(ws);
  });
});
setInterval(() => {
  for (const ws of dirty) ws.send(`{"type":"view","view":${shared},"answered":${answered},"me":{"myChoice":["${choice.get(ws)}"],"score":0}}}`);
  dirty.clear();
}, 150);
wss.on('listening', () => {
  const a = wss.address() as { port: number };
  console.log(`bare ws listening on ${a.port}`);
});
