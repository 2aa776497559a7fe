import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliDataDir, runCli } from '../support/cli.ts';
import { MOODLE_TESTDATA } from '../fixtures/bank/paths.ts';

/** `servicestar` spawned as a user runs it, on a PGlite data directory of its own (local mode). */
let dir: string;

const cli = (...args: string[]) => runCli(dir, ...args);

beforeAll(async () => {
  const opened = await openCliDataDir('servicestar-cli-');
  dir = opened.dir;
  const database = opened.database;
  await database.db.insertInto('organisation').values({ parent_id: null, name: '测试集团', kind: 'group' }).execute();
  await database.db.updateTable('organisation').set({ id_path: '/1/', depth: 0 }).execute();
  await database.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('servicestar import / export / assemble', () => {
  it('imports a Moodle file into a new bank, printing exactly the summary', async () => {
    const r = await cli('import', 'questions', path.join(MOODLE_TESTDATA, 'nested_categories_with_questions.xml'), '--bank', '测试库', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('{"imported":5,"updated":0,"unchanged":0,"skipped":[],"byType":{"single":0,"multiple":0,"truefalse":4,"fill":0,"short":1,"case":0,"scenario":0}}');
  });

  it('re-importing the same file changes nothing; a skipped question makes the exit code 1', async () => {
    const again = await cli('import', 'questions', path.join(MOODLE_TESTDATA, 'nested_categories_with_questions.xml'), '--bank', '测试库', '--format', 'moodle', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    const gift = await cli('import', 'questions', path.join(MOODLE_TESTDATA, 'questions.gift.txt'), '--bank', '测试库', '--json');
    expect(gift.code).toBe(1);
    expect(JSON.parse(gift.stdout)).toMatchObject({ imported: 8, skipped: [{ line: 49, reason: 'the same question as line 46', reasonZh: '与第 46 行的题目相同' }] });
  });

  it('exports Moodle XML and assembles papers, or names the constraint that fails', async () => {
    const out = path.join(dir, 'out.xml');
    const exp = await cli('export', 'questions', '--bank', '测试库', '--format', 'moodle', out);
    expect(exp.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('<question type="truefalse">');
    const bp = path.join(dir, 'bp.json');
    fs.writeFileSync(bp, JSON.stringify({ sections: [{ type: 'truefalse', count: 3, pointsEach: 2 }], totalScore: 6, exposureCap: 1 }));
    const bad = await cli('assemble', '--bank', '测试库', '--blueprint', bp, '--papers', '3', '--json');
    expect(bad.code).toBe(1);
    const problems = JSON.parse(bad.stdout);
    expect(problems.ok).toBe(false);
    expect(problems.problems[0]).toMatchObject({ constraint: 'exposure', needed: 9 });
    const good = await cli('assemble', '--bank', '测试库', '--blueprint', bp, '--papers', '2', '--seed', '1', '--json');
    expect(good.code, good.stderr).toBe(0);
    const set = JSON.parse(good.stdout);
    expect(set.papers.map((p: { label: string; totalScore: number }) => [p.label, p.totalScore])).toEqual([['A', 6], ['B', 6]]);
  });
});
