import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb, type TestDb } from './db.ts';
import { PASSWORD, seedBasic, type Seed } from './seed.ts';

export type TestApp = TestDb & { app: FastifyInstance; seed: Seed; signIn: (employeeNo: string, password?: string) => Promise<string> };

/** A built app (no port opened) over a database of its own, seeded with seedBasic. */
export async function createTestApp(opts: { cliToken?: string } = {}): Promise<TestApp> {
  const t = await createTestDb();
  const seed = await seedBasic(t.ctx);
  const app = await buildApp({ ctx: t.ctx, serveWeb: false, cliToken: opts.cliToken });
  await app.ready();
  const cookies = new Map<string, string>();
  const signIn = async (employeeNo: string, password = PASSWORD) => {
    const hit = cookies.get(`${employeeNo}\u0000${password}`);
    if (hit) return hit;
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNo, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in ${employeeNo} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((x) => x.name === 'ss_session');
    const cookie = `ss_session=${c!.value}`;
    cookies.set(`${employeeNo}\u0000${password}`, cookie);
    return cookie;
  };
  return {
    ...t,
    app,
    seed,
    signIn,
    cleanup: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}

/** multipart/form-data body for app.inject */
export function multipart(fields: Record<string, string>, file?: { name: string; fileName: string; content: Buffer; type?: string }) {
  const boundary = `----servicestar${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
