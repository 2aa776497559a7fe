/**
 * The bus over Redis (REDIS_URL): a lease per round (SET NX PX, renewed by its holder),
 * forwarded commands on arena:cmd:<round> answered on arena:reply:<process> by
 * correlation id, and committed batches on arena:ev:<round>.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { newProcessId, type Batch, type Bus, type CommandResult, type Forwarded } from './bus.ts';

export const LEASE_MS = 3000;
const leaseKey = (id: number) => `arena:lease:${id}`;
const cmdChannel = (id: number) => `arena:cmd:${id}`;
const evChannel = (id: number) => `arena:ev:${id}`;

// renew or release only a lease we hold
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

type Request = { corr: string; from: string; f: Forwarded };
type Reply = { corr: string; result: CommandResult };

export async function createRedisBus(url: string): Promise<Bus> {
  const processId = newProcessId();
  const pub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
  const sub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
  const replyChannel = `arena:reply:${processId}`;
  const pending = new Map<string, (r: CommandResult) => void>();
  const servers = new Map<number, (f: Forwarded) => Promise<CommandResult>>();
  const listeners = new Map<number, (b: Batch) => void>();

  sub.on('message', (channel: string, message: string) => {
    if (channel === replyChannel) {
      const r = JSON.parse(message) as Reply;
      pending.get(r.corr)?.(r.result);
      pending.delete(r.corr);
      return;
    }
    const [, kind, idText] = channel.split(':');
    const id = Number(idText);
    if (kind === 'cmd') {
      const handler = servers.get(id);
      if (!handler) return;
      const req = JSON.parse(message) as Request;
      void handler(req.f).then((result) => pub.publish(`arena:reply:${req.from}`, JSON.stringify({ corr: req.corr, result } satisfies Reply)));
    } else if (kind === 'ev') {
      listeners.get(id)?.(JSON.parse(message) as Batch);
    }
  });
  await sub.subscribe(replyChannel);

  return {
    processId,
    distributed: true,
    async acquire(roundId) {
      const r = await pub.set(leaseKey(roundId), processId, 'PX', LEASE_MS, 'NX');
      if (r === 'OK') return true;
      return (await pub.get(leaseKey(roundId))) === processId;
    },
    async renew(roundId) {
      return Number(await pub.eval(RENEW, 1, leaseKey(roundId), processId, String(LEASE_MS))) === 1;
    },
    async release(roundId) {
      await pub.eval(RELEASE, 1, leaseKey(roundId), processId);
    },
    async serve(roundId, handler) {
      servers.set(roundId, handler);
      await sub.subscribe(cmdChannel(roundId));
    },
    async unserve(roundId) {
      servers.delete(roundId);
      await sub.unsubscribe(cmdChannel(roundId));
    },
    forward(roundId, f, timeoutMs = 2000) {
      const corr = randomBytes(8).toString('hex');
      return new Promise<CommandResult>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(corr);
          resolve({ ok: false, code: 'UNAVAILABLE', reason: 'the round writer did not answer; try again' });
        }, timeoutMs);
        pending.set(corr, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        void pub.publish(cmdChannel(roundId), JSON.stringify({ corr, from: processId, f } satisfies Request)).then((receivers) => {
          if (receivers === 0 && pending.has(corr)) {
            pending.delete(corr);
            clearTimeout(timer);
            resolve({ ok: false, code: 'UNAVAILABLE', reason: 'no writer for this round yet; try again' });
          }
        });
      });
    },
    async publish(batch) {
      await pub.publish(evChannel(batch.roundId), JSON.stringify(batch));
    },
    async subscribe(roundId, onBatch) {
      listeners.set(roundId, onBatch);
      await sub.subscribe(evChannel(roundId));
    },
    async unsubscribe(roundId) {
      listeners.delete(roundId);
      await sub.unsubscribe(evChannel(roundId));
    },
    async close() {
      for (const [corr, resolve] of pending) resolve({ ok: false, code: 'UNAVAILABLE', reason: 'shutting down' }), pending.delete(corr);
      sub.disconnect();
      pub.disconnect();
    },
  };
}
