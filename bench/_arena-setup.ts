/** Prepares a fresh data directory for the arena bench: an organiser and a started mass quiz. */
import { createContext } from '../src/server/context.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createRound, startRound } from '../src/server/arena/round-service.ts';
import { hashPassword } from '../src/server/identity/passwords.ts';
import type { Actor } from '../src/server/identity/engine/authz.ts';

/** PGlite in `dataDir`, or, with `pg`, a fresh schema of that PostgreSQL database. */
export async function setupQuiz(dataDir: string, questions: number, pg?: { url: string; schema: string }) {
  const database = pg ? await openDatabase({ kind: 'postgres', url: pg.url, schema: pg.schema }) : await openDatabase({ kind: 'pglite', dataDir });
  await migrateToLatest(database.db, pg ? { schema: pg.schema } : {});
  const ctx = createContext(database, { ...readConfig({}), dataDir });
  const root = await ctx.identity.orgs.insert({ parent: null, name: '星海通信集团', kind: 'group' });
  const password = 'Bench@2026';
  const ids = await ctx.identity.people.insertMany([{ employeeNo: 'bench-host', name: '压测主持', gender: 'F', organisationId: root.id, phone: null, passwordHash: await hashPassword(password), mustChangePassword: false }]);
  const personId = ids.get('bench-host')!;
  await ctx.identity.people.insertGrants([{ personId, role: 'platform_admin', organisationId: root.id }]);
  const actor: Actor = { personId, employeeNo: 'bench-host', name: '压测主持', organisationId: root.id, organisationPath: root.idPath, grants: [{ role: 'platform_admin', organisationId: root.id, idPath: root.idPath }], mustChangePassword: false };
  const qs = Array.from({ length: questions }, (_, i) => ({
    id: `q${i + 1}`,
    kind: 'single' as const,
    prompt: `第 ${i + 1} 题：以下哪项是服务规范要求的标准开头语？`,
    options: [{ key: 'A', text: '喂，什么事' }, { key: 'B', text: '您好，很高兴为您服务' }, { key: 'C', text: '说吧' }, { key: 'D', text: '快点讲' }],
    answer: ['B'],
    points: 10,
    timeLimitMs: 120_000,
  }));
  const round = await createRound(ctx, actor, { title: '全员在线答题（压测）', organisationId: root.id, format: 'mass-quiz', questions: qs });
  await startRound(ctx, actor, round.id);
  await database.close();
  return { roundId: round.id, joinCode: round.joinCode!, employeeNo: 'bench-host', password };
}
