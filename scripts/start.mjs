#!/usr/bin/env node
// npm start: builds the web app when its build is missing or older than its sources, then starts the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const built = 'dist/web/index.html';
const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newest('src/web'), fs.statSync('vite.config.ts').mtimeMs);
if (stale) {
  console.log('building the web app (once; about a minute) …');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 0);
