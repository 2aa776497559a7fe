/**
 * npm run bench -- import-people [ROWS]
 * Imports 50,000 synthetic people (seeded) through the real importer (CSV parse, checks,
 * plan, write in one transaction) and compares it with a bare multi-row INSERT of the same
 * rows into the person table, in the same run, on the same database kind (PGlite by
 * default; the PostgreSQL that DATABASE_URL names, as for every benchmark; BENCH_DATABASE_URL
 * is still read). Aim: within 3× of the bare INSERT.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { readConfig } from '../src/server/config.ts';
import { createContext } from '../src/server/context.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { chunks } from '../src/server/db/kysely.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { syntheticPeople } from '../src/server/demo/synthetic-people.ts';
import { importPeopleRows } from '../src/server/identity/people-import-service.ts';
import { hashPassword } from '../src/server/identity/passwords.ts';
import { systemActor } from '../src/server/identity/system-actor.ts';
import { toCsv } from '../src/server/lib/csv.ts';
import { readSheet } from '../src/server/lib/spreadsheet.ts';

const ROWS = Number(process.argv[2] ?? 50_000);
const url = process.env.DATABASE_URL || process.env.BENCH_DATABASE_URL || undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
const database = url ? await openDatabase({ kind: 'postgres', url, schema: `bench_${process.pid}` }) : await openDatabase({ kind: 'pglite', dataDir: dir });
await migrateToLatest(database.db, { schema: database.schema });
const ctx = createContext(database, { ...readConfig({}), dataDir: dir });
const { orgs } = ctx.identity;

// a group of 4 provinces × 5 cities × 5 teams
const root = await orgs.insert({ parent: null, name: '基准集团', kind: 'group' });
const teams: { id: number; path: string }[] = [];
for (const p of ['浙江', '江苏', '重庆', '广东']) {
  const prov = await orgs.insert({ parent: root, name: p, kind: 'province' });
  for (let c = 1; c <= 5; c++) {
    const city = await orgs.insert({ parent: prov, name: `城市${c}`, kind: 'city' });
    for (let t = 1; t <= 5; t++) {
      const team = await orgs.insert({ parent: city, name: `班组${t}`, kind: 'team' });
      teams.push({ id: team.id, path: `基准集团/${p}/城市${c}/班组${t}` });
    }
  }
}
const tracks = ['语音客服', '智能客服', '互联网融合客服', '质差修复客服'];
const people = syntheticPeople(ROWS, 42);
const table = [['工号', '姓名', '性别', '组织', '手机', '专业', '角色'], ...people.map((p, i) => [`B${String(i).padStart(6, '0')}`, p.name, p.gender === 'M' ? '男' : '女', teams[i % teams.length].path, p.phone, tracks[i % 4], i % 40 ? '选手' : '选手;评委'])];
const csv = Buffer.from(toCsv(table));
const hash = await hashPassword('Bench@2026');

// baseline: the same rows, one multi-row INSERT per 1,000, nothing else
let t0 = performance.now();
await database.db.transaction().execute(async (tx) => {
  for (const part of chunks(people.map((p, i) => ({ p, i })), 1000)) {
    await tx
      .insertInto('person')
      .values(part.map(({ p, i }) => ({ employee_no: `B${String(i).padStart(6, '0')}`, name: p.name, gender: p.gender, organisation_id: teams[i % teams.length].id, phone: p.phone, password_hash: hash, must_change_password: true })))
      .execute();
  }
});
const baselineSeconds = (performance.now() - t0) / 1000;
await sql`truncate person restart identity cascade`.execute(database.db);

// the importer, from the CSV bytes to committed rows
t0 = performance.now();
const sheet = await readSheet(csv, 'people.csv');
const result = await importPeopleRows(ctx, await systemActor(ctx), sheet.rows, { createOrganisations: false, mode: 'valid-rows' });
const seconds = (performance.now() - t0) / 1000;
if (result.imported !== ROWS || result.rejected.length > 0) throw new Error(`imported ${result.imported} of ${ROWS}, rejected ${result.rejected.length}`);
const count = await database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
if (Number(count.n) !== ROWS) throw new Error(`person table holds ${count.n}, expected ${ROWS}`);

// and again: nothing changes, every row is read and compared
t0 = performance.now();
const again = await importPeopleRows(ctx, await systemActor(ctx), sheet.rows, { createOrganisations: false, mode: 'valid-rows' });
const reimportSeconds = (performance.now() - t0) / 1000;
if (again.unchanged !== ROWS) throw new Error(`re-import left ${again.unchanged} unchanged of ${ROWS}`);

if (database.schema) await sql.raw(`drop schema "${database.schema}" cascade`).execute(database.db);
await database.close();
fs.rmSync(dir, { recursive: true, force: true });

const rowsPerSec = Math.round(ROWS / seconds);
const baselineRowsPerSec = Math.round(ROWS / baselineSeconds);
const ratio = Number((baselineRowsPerSec / rowsPerSec).toFixed(2));
console.log(`database: ${database.kind}`);
console.log(`import ${ROWS} rows (parse, check, plan, write people + tracks + roles): ${seconds.toFixed(2)} s, ${rowsPerSec} rows/s`);
console.log(`baseline bare multi-row INSERT into person:                       ${baselineSeconds.toFixed(2)} s, ${baselineRowsPerSec} rows/s`);
console.log(`ratio (import time / baseline time): ${ratio}× (aim ≤ 3×)`);
console.log(`re-import of the same file (all unchanged): ${reimportSeconds.toFixed(2)} s`);
console.log(JSON.stringify({ bench: 'import-people', rows: ROWS, rowsPerSec, baselineRowsPerSec, ratio }));
