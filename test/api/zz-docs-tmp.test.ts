import { it, expect } from 'vitest';
import { createTestApp } from '../support/app.ts';
it('openapi', async () => {
  const t = await createTestApp();
  const r = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(r.statusCode).toBe(200);
  const paths = Object.keys(r.json().paths).filter((p) => /bank|question|paper|blueprint/.test(p));
  console.log(paths.length, paths.join('\n'));
  await t.cleanup();
});
