import { WebSocket } from 'ws';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';

export type Msg = Record<string, any>;

/** A ws client that keeps every message, answers pings, and lets a test wait for what it expects. */
export class Client {
  readonly msgs: Msg[] = [];
  private cursor = 0;
  private used = new Set<number>();
  private waiters: (() => void)[] = [];
  private nextId = 1;
  closed = false;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as Msg;
      if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong', t: m.t }));
      this.msgs.push(m);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(url: string, cookie?: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, cookie ? { headers: { cookie } } : {});
      const c = new Client(ws);
      ws.once('open', () => resolve(c));
      ws.once('unexpected-response', (_req: unknown, res: { statusCode: number }) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { statusCode: res.statusCode })));
      ws.once('error', reject);
    });
  }

  /** The first message not yet taken that matches (taking it). */
  async until(pred: (m: Msg) => boolean, timeoutMs = 5000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = this.cursor; i < this.msgs.length; i++) {
        if (!this.used.has(i) && pred(this.msgs[i])) {
          this.used.add(i);
          while (this.used.has(this.cursor)) this.used.delete(this.cursor++);
          return this.msgs[i];
        }
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) throw new Error(`timed out waiting; last messages: ${JSON.stringify(this.msgs.slice(-3)).slice(0, 1500)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
  }

  /** The latest view (hello or view) satisfying pred. */
  view(pred: (v: Msg) => boolean = () => true, timeoutMs = 5000) {
    return this.until((m) => (m.type === 'view' || m.type === 'hello') && pred(m.view), timeoutMs).then((m) => m.view);
  }

  /** The newest view this client has. */
  latestView(): Msg {
    for (let i = this.msgs.length - 1; i >= 0; i--) if (this.msgs[i].type === 'view' || this.msgs[i].type === 'hello') return this.msgs[i].view;
    throw new Error('no view yet');
  }

  send(m: unknown) {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  /** Sends a command and waits for its ack or refusal. */
  async cmd(command: Msg): Promise<Msg> {
    const id = `c${this.nextId++}`;
    this.send({ ...command, id });
    return this.until((m) => (m.type === 'ack' || m.type === 'refused') && m.id === id);
  }

  async ok(command: Msg): Promise<Msg> {
    const r = await this.cmd(command);
    expect(r, JSON.stringify(r)).toMatchObject({ type: 'ack' });
    return r;
  }

  close() {
    this.ws.close();
  }
}

export const wsUrl = (base: string, roundId: number, query = '') => `${base.replace('http', 'ws')}/api/arena/rounds/${roundId}/ws${query ? `?${query}` : ''}`;

export async function api(t: TestApp, who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.signIn(who) }, ...(payload ? { payload } : {}) });
}

export const choiceQ = (id: string, over: Msg = {}) => ({
  id,
  kind: 'single',
  prompt: `题目 ${id}`,
  options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }, { key: 'C', text: '丙' }],
  answer: ['B'],
  points: 10,
  timeLimitMs: 20_000,
  ...over,
});
export const oralQ = (id: string, over: Msg = {}) => ({ ...choiceQ(id), kind: 'oral', options: [], answer: 'oral', ...over });

/** Two more contestants in 杭州 客服一班 (the seed has one there). */
export async function addContestants(t: TestApp, nos: string[]): Promise<Record<string, number>> {
  const { hashPassword } = await import('../../src/server/identity/passwords.ts');
  const { PASSWORD } = await import('../support/seed.ts');
  const hash = await hashPassword(PASSWORD);
  const ids = await t.ctx.identity.people.insertMany(nos.map((no) => ({ employeeNo: no, name: `选手${no}`, gender: 'F' as const, organisationId: t.seed.hzTeam.id, phone: null, passwordHash: hash, mustChangePassword: false })));
  await t.ctx.identity.people.insertGrants(nos.map((no) => ({ personId: ids.get(no)!, role: 'contestant' as const, organisationId: t.seed.hzTeam.id })));
  return Object.fromEntries(ids);
}

/** A started team round over 浙江 with one contestant per team. */
export async function stageRound(t: TestApp, opts: { teams: [string, number][]; questions: Msg[]; rules?: Msg; contest?: Msg; entryIds?: number[] }) {
  const created = await api(t, 'org-zj', 'POST', '/api/arena/rounds', { title: '浙江决赛 抢答/风险', organisationId: t.seed.zj.id, format: 'buzzer', questions: opts.questions, rules: opts.rules, contest: opts.contest });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const roster = await api(t, 'org-zj', 'PUT', `/api/arena/rounds/${id}/roster`, { teams: opts.teams.map(([name, pid], i) => ({ name, memberIds: [pid], ...(opts.entryIds && { entryId: opts.entryIds[i] }) })) });
  expect(roster.statusCode, roster.body).toBe(200);
  const started = await api(t, 'org-zj', 'POST', `/api/arena/rounds/${id}/start`);
  expect(started.statusCode, started.body).toBe(200);
  return id;
}

export const FAST_BUZZ = { buzz: { mode: 'arrival', compensationCapMs: 0, decisionWindowMs: 0, tieMarginMs: 0, answerTimeMs: 20_000 } };
