import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { createContext } from '../../src/server/context.ts';
import { openCliDataDir, runCli } from '../support/cli.ts';
import { seedBasic } from '../support/seed.ts';
import { addContestants, addEntries, definition, putScores } from './contests-helpers.ts';

/** `servicestar advance` spawned as a user runs it, on a PGlite data directory of its own (local mode). */
let dir: string;
let contestId: number;

const cli = (...args: string[]) => runCli(dir, ...args);

beforeAll(async () => {
  const opened = await openCliDataDir('servicestar-advance-');
  dir = opened.dir;
  const database = opened.database;
  const ctx = createContext(database, { ...readConfig({}), dataDir: dir });
  const seed = await seedBasic(ctx);
  contestId = await ctx.contests.contests.insert({ organisationId: seed.root.id, title: 'CLI 晋级测试', status: 'running', definition: { id: 'c', title: 'CLI 晋级测试', ...definition(seed, { perTrack: 2 }) } as never, settings: {}, createdBy: null });
  const people = Object.values(await addContestants(ctx, seed.hzTeam.id, Array.from({ length: 12 }, (_, i) => `q${i}`)));
  const entries = await addEntries(ctx, contestId, Array.from({ length: 4 }, (_, k) => ({ name: `第${k + 1}队`, track: 'voice', orgId: seed.zj.id, members: people.slice(k * 3, k * 3 + 3) })));
  // 第2队 and 第3队 tie on 70; 第3队 has the better role-play
  await putScores(ctx, contestId, [
    { entryId: entries[0], theory: 90, lookup: 90, roleplay: 90 },
    { entryId: entries[1], theory: 80, lookup: 80, roleplay: 60 },
    { entryId: entries[2], theory: 60, lookup: 60, roleplay: 80 },
    { entryId: entries[3], theory: 50, lookup: 50, roleplay: 50 },
  ]);
  await database.close();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('servicestar advance', () => {
  it('--dry-run --json prints who would advance and why, and writes nothing; then advances for real', async () => {
    const dry = await cli('advance', '--contest', String(contestId), '--stage', 'prelim', '--dry-run', '--json');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({ dryRun: true, written: false, advancing: 2, entrants: 4 });
    const lines = report.tracks[0].lines.map((l: { name: string; advances: boolean; rank: number; total: number }) => [l.name, l.advances, l.rank, l.total]);
    expect(lines).toEqual([['第1队', true, 1, 90], ['第3队', true, 2, 70], ['第2队', false, 3, 70], ['第4队', false, 4, 50]]);
    const real = await cli('advance', '--contest', String(contestId), '--stage', 'prelim');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('2 of 4 advance [written]');
    expect(real.stdout).toMatch(/✓ +2 +第3队 \(浙江\): advances: rank 2, total 70; tie broken by higher score in round roleplay/);
    expect(real.stdout).toMatch(/✗ +3 +第2队/);
  }, 150_000);
});
