/**
 * ARENA_TRACE=1: once a second, what the hub did (commands, batches, time in the database,
 * in fan-out, the worst event-loop lag) on stderr — for the benchmark and for profiling a
 * live round. Off by default: then every call is a no-op.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const on = !!process.env.ARENA_TRACE;
const t = { commands: 0, batches: 0, dbMs: 0, fanMs: 0, flushMs: 0, flushes: 0, maxBatch: 0 };

export const trace = {
  on,
  batch(commands: number, dbMs: number, fanMs: number) {
    if (!on) return;
    t.commands += commands;
    t.batches += 1;
    t.dbMs += dbMs;
    t.fanMs += fanMs;
    t.maxBatch = Math.max(t.maxBatch, commands);
  },
  flush(ms: number) {
    if (!on) return;
    t.flushMs += ms;
    t.flushes += 1;
  },
};

if (on) {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  setInterval(() => {
    if (t.commands || t.flushes) {
      const r = (n: number) => Math.round(n);
      process.stderr.write(`arena-trace ${new Date().toISOString().slice(11, 19)} cmds ${t.commands} batches ${t.batches} maxBatch ${t.maxBatch} dbMs ${r(t.dbMs)} fanMs ${r(t.fanMs)} flushes ${t.flushes} flushMs ${r(t.flushMs)} lagMaxMs ${r(lag.max / 1e6)} cpu ${r(process.cpuUsage().user / 1000)}\n`);
    }
    Object.assign(t, { commands: 0, batches: 0, dbMs: 0, fanMs: 0, flushMs: 0, flushes: 0, maxBatch: 0 });
    lag.reset();
  }, 1000).unref();
}
