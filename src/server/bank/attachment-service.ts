import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadBank } from './access.ts';

/** What a scenario question may carry, by the file's own bytes rather than its name. */
const KINDS: { kind: 'image' | 'audio' | 'video' | 'file'; mime: string; test: (b: Buffer) => boolean }[] = [
  { kind: 'image', mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { kind: 'image', mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { kind: 'image', mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { kind: 'image', mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { kind: 'audio', mime: 'audio/wav', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE' },
  { kind: 'audio', mime: 'audio/mpeg', test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0) },
  { kind: 'audio', mime: 'audio/ogg', test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  { kind: 'video', mime: 'video/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  { kind: 'file', mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export function sniffAttachment(buf: Buffer): { kind: 'image' | 'audio' | 'video' | 'file'; mime: string } | undefined {
  return KINDS.find((k) => k.test(buf));
}

export async function uploadAttachment(ctx: AppContext, actor: Actor, bankId: number, file: { name: string; data: Buffer }) {
  const bank = await loadBank(ctx, actor, bankId, 'manage');
  if (file.data.length === 0) throw new AppError('VALIDATION', `${file.name} is empty (0 bytes)`, { field: 'file' });
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `${file.name} is larger than 20 MB`, { field: 'file' });
  const sniffed = sniffAttachment(file.data);
  if (!sniffed) throw new AppError('UNSUPPORTED_FILE', `${file.name} is not an image (PNG, JPEG, GIF, WebP), audio (MP3, WAV, OGG), MP4 video or PDF`, { field: 'file' });
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const saved = await ctx.bank.attachments.insert({ bankId: bank.id, name: file.name.slice(0, 200), mime: sniffed.mime, kind: sniffed.kind, data: file.data, sha256, createdBy: actor.personId > 0 ? actor.personId : null });
  return { id: saved.id, name: saved.name, kind: saved.kind as 'image' | 'audio' | 'video' | 'file', size: saved.size, url: `/api/attachments/${saved.id}` };
}

/** Whoever may use the bank may see its media (candidates will see them through their exam). */
export async function readAttachment(ctx: AppContext, actor: Actor, id: number) {
  const a = await ctx.bank.attachments.get(id);
  if (!a) throw notFound('attachment');
  await loadBank(ctx, actor, a.bank_id, 'use');
  return { name: a.name, mime: a.mime, data: Buffer.from(a.data), sha256: a.sha256 };
}
