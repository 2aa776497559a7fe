#!/usr/bin/env node
// npm run bench -- NAME  → runs bench/NAME.ts with tsx. Each benchmark prints its figures,
// a ratio against a baseline measured in the same run, and, as its last line, one JSON object.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
const available = fs.readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (one of: ${available.join(', ')})`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', `${name}.ts`), ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
