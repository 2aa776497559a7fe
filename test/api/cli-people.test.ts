import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The servicestar command on its own PGlite directory, and through a server holding it.
 * Runs in the PGlite project only: the command's PostgreSQL path is the same code as the
 * server's, exercised by every other test there.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicestar-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(repo, 'bin/servicestar.mjs'), ...args], { cwd: repo, env: { ...env, ...extraEnv } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const file = path.join(dataDir, '..', `cli-people-${process.pid}.csv`);
fs.writeFileSync(
  file,
  ['工号,姓名,性别,组织,手机,专业,角色', 'Q001,秦一,女,集团/浙江/杭州/客服一班,13800000001,语音客服,选手', 'Q002,秦二,男,集团/浙江/温州/客服一班,13800000002,,选手', 'Q003,秦三,女,集团/浙江,123,,选手'].join('\n'),
);
let server: ReturnType<typeof spawn> | undefined;
afterAll(() => {
  server?.kill('SIGTERM');
  fs.rmSync(file, { force: true });
});

describe.skipIf(process.env.TEST_BACKEND === 'postgres')('servicestar CLI', () => {
  it('loads the demo, imports the valid rows with --json, exits 1 on rejections, and is idempotent', async () => {
    const demo = await run(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('organiser-zj');
    const first = await run(['import', 'people', file, '--json']);
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { row: 3, reason: 'unknown organisation 集团/浙江/温州/客服一班' },
        { row: 4, reason: expect.stringContaining('bad phone "123"') },
      ],
    });
    const created = await run(['import', 'people', file, '--json', '--create-organisations', '--all-or-nothing']);
    expect(JSON.parse(created.stdout)).toMatchObject({ imported: 0, unchanged: 0, rejected: [{ row: 4 }] });
    const second = await run(['import', 'people', file, '--json', '--create-organisations']);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 1, unchanged: 1 });
    expect(fs.existsSync(path.join(dataDir, 'cli.lock'))).toBe(false);
  }, 120_000);

  it('works through a running server instead of opening the directory twice', async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: repo, env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    const lock = path.join(dataDir, 'server.json');
    for (let i = 0; i < 100 && !fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 200));
    expect(fs.existsSync(lock)).toBe(true);
    const through = await run(['import', 'people', file, '--json', '--create-organisations']);
    expect(JSON.parse(through.stdout)).toMatchObject({ imported: 0, updated: 0, unchanged: 2, rejected: [{ row: 4 }] });
    // a second server on the same directory refuses plainly
    const second = await new Promise<{ code: number; out: string }>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: repo, env: { ...env, PORT: '0' } });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('close', (code) => resolve({ code: code ?? -1, out }));
    });
    expect(second.code).toBe(1);
    expect(second.out).toContain('another ServiceStar server');
  }, 120_000);
});
