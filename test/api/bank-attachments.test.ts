import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../support/app.ts';
import { createBank } from './bank-helpers.ts';

let t: TestApp;
let bankId: number;
beforeAll(async () => {
  t = await createTestApp();
  bankId = await createBank(t, 'org-zj', '情景题库', t.seed.zj.id);
});
afterAll(async () => t?.cleanup());

// a 1×1 PNG and the first bytes of a WAV file
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(28)]);

async function upload(who: string, content: Buffer, fileName: string, bank = bankId) {
  const m = multipart({}, { name: 'file', fileName, content });
  return t.app.inject({ method: 'POST', url: `/api/banks/${bank}/attachments`, headers: { cookie: await t.signIn(who), ...m.headers }, payload: m.payload });
}

describe('scenario attachments', () => {
  it('stores an image and an audio clip by their bytes, serves them back, and keeps one copy of a repeat', async () => {
    const img = await upload('org-zj', PNG, '客户截图.png');
    expect(img.statusCode).toBe(201);
    expect(img.json()).toMatchObject({ kind: 'image', name: '客户截图.png', size: PNG.length });
    const audio = await upload('org-zj', WAV, '录音.wav');
    expect(audio.json().kind).toBe('audio');
    const again = await upload('org-zj', PNG, '另一个名字.png');
    expect(again.json().id).toBe(img.json().id);
    const got = await t.app.inject({ url: img.json().url, headers: { cookie: await t.signIn('org-zj') } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
  });
  it('refuses what is not a medium, an empty file, and people outside the bank', async () => {
    const text = await upload('org-zj', Buffer.from('just text'), 'evil.png');
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ field: 'file', message: expect.stringContaining('not an image') });
    expect((await upload('org-zj', Buffer.alloc(0), 'empty.png')).statusCode).toBe(400);
    expect((await upload('org-js', PNG, 'x.png')).statusCode).toBe(403);
    expect((await upload('c-hz', PNG, 'x.png')).statusCode).toBe(403);
    const img = await upload('org-zj', PNG, 'a.png');
    const other = await t.app.inject({ url: img.json().url, headers: { cookie: await t.signIn('org-js') } });
    expect(other.statusCode).toBe(403);
  });
});
