import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import type { UploadRow } from './upload-repo.ts';
import { canScreen } from './access.ts';

/**
 * Resumable uploads of registration material (a 5-minute video, documents): the client
 * declares the file, sends numbered chunks in any order (each one replaces any earlier copy),
 * asks which chunks arrived to resume after a break, then completes. Chunks live in
 * DATA_DIR/uploads/<id>/chunks/<index>; completing joins them into DATA_DIR/uploads/<id>/file.
 */
export const UPLOAD_LIMITS = {
  document: { maxBytes: 20 * 1024 * 1024, extensions: ['.pdf', '.doc', '.docx', '.ppt', '.pptx', '.jpg', '.jpeg', '.png', '.txt'] },
  video: { maxBytes: 500 * 1024 * 1024, extensions: ['.mp4', '.mov', '.webm', '.m4v'] },
} as const;
export const MAX_CHUNK = 1024 * 1024;
export const MIN_CHUNK = 64 * 1024;

const dirOf = (ctx: AppContext, id: string) => path.join(ctx.config.dataDir, 'uploads', id);
const chunkCount = (u: Pick<UploadRow, 'size' | 'chunkSize'>) => Math.ceil(u.size / u.chunkSize);

function receivedChunks(ctx: AppContext, u: UploadRow): number[] {
  const dir = path.join(dirOf(ctx, u.id), 'chunks');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /^\d+$/.test(f)).map(Number).sort((a, b) => a - b);
}

function view(ctx: AppContext, u: UploadRow) {
  const chunks = u.status === 'complete' ? Array.from({ length: chunkCount(u) }, (_, i) => i) : receivedChunks(ctx, u);
  const bytes = chunks.reduce((s, i) => s + expectedLength(u, i), 0);
  return { id: u.id, kind: u.kind, fileName: u.fileName, size: u.size, chunkSize: u.chunkSize, chunkCount: chunkCount(u), receivedChunks: chunks, receivedBytes: bytes, status: u.status };
}

const expectedLength = (u: UploadRow, index: number) => (index < chunkCount(u) - 1 ? u.chunkSize : u.size - u.chunkSize * (chunkCount(u) - 1));

export async function createUpload(ctx: AppContext, actor: Actor, input: { fileName: string; size: number; mimeType: string; kind: 'document' | 'video'; chunkSize?: number }) {
  const limit = UPLOAD_LIMITS[input.kind];
  if (input.size > limit.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `a ${input.kind} may be at most ${limit.maxBytes / 1024 / 1024} MB; ${input.fileName} is ${(input.size / 1024 / 1024).toFixed(1)} MB`, { field: 'size' });
  const ext = path.extname(input.fileName).toLowerCase();
  if (!(limit.extensions as readonly string[]).includes(ext)) throw new AppError('UNSUPPORTED_FILE', `a ${input.kind} must be one of ${limit.extensions.join(' ')}; ${input.fileName} is not`, { field: 'fileName' });
  const chunkSize = input.chunkSize ?? MAX_CHUNK;
  if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) throw invalid('chunkSize', `chunkSize must be from ${MIN_CHUNK} to ${MAX_CHUNK} bytes`);
  const u = { id: randomUUID(), ownerId: actor.personId > 0 ? actor.personId : null, kind: input.kind, fileName: path.basename(input.fileName), mimeType: input.mimeType, size: input.size, chunkSize };
  await ctx.contests.uploads.insert(u);
  fs.mkdirSync(path.join(dirOf(ctx, u.id), 'chunks'), { recursive: true });
  return view(ctx, { ...u, status: 'open', createdAt: ctx.now() });
}

async function loadUpload(ctx: AppContext, actor: Actor, id: string): Promise<UploadRow> {
  const u = await ctx.contests.uploads.get(id);
  if (!u) throw notFound('upload');
  if (u.ownerId !== null && u.ownerId !== actor.personId) throw forbidden('this upload belongs to someone else');
  return u;
}

export async function getUpload(ctx: AppContext, actor: Actor, id: string) {
  return view(ctx, await loadUpload(ctx, actor, id));
}

export async function putChunk(ctx: AppContext, actor: Actor, id: string, index: number, body: Buffer) {
  const u = await loadUpload(ctx, actor, id);
  if (u.status === 'complete') throw new AppError('CONFLICT', `upload ${u.fileName} is already complete`);
  if (index >= chunkCount(u)) throw invalid('index', `chunk ${index} is past the last chunk (${chunkCount(u) - 1})`);
  const want = expectedLength(u, index);
  if (!Buffer.isBuffer(body) || body.length !== want) throw invalid('body', `chunk ${index} must be ${want} bytes, it is ${Buffer.isBuffer(body) ? body.length : 0}`);
  const dir = path.join(dirOf(ctx, u.id), 'chunks');
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `${index}.part`);
  fs.writeFileSync(tmp, body);
  fs.renameSync(tmp, path.join(dir, String(index)));
  return view(ctx, u);
}

export async function completeUpload(ctx: AppContext, actor: Actor, id: string) {
  const u = await loadUpload(ctx, actor, id);
  if (u.status === 'complete') return view(ctx, u);
  const have = new Set(receivedChunks(ctx, u));
  const missing = Array.from({ length: chunkCount(u) }, (_, i) => i).filter((i) => !have.has(i));
  if (missing.length > 0) throw new AppError('CONFLICT', `upload ${u.fileName} is missing chunks ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ' …' : ''}`, { field: 'chunks', details: { missing } });
  const dir = dirOf(ctx, u.id);
  const out = fs.openSync(path.join(dir, 'file'), 'w');
  try {
    for (let i = 0; i < chunkCount(u); i++) fs.writeSync(out, fs.readFileSync(path.join(dir, 'chunks', String(i))));
  } finally {
    fs.closeSync(out);
  }
  fs.rmSync(path.join(dir, 'chunks'), { recursive: true, force: true });
  await ctx.contests.uploads.complete(u.id);
  return view(ctx, { ...u, status: 'complete' });
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.m4v': 'video/x-m4v',
};

/**
 * A registration's material, for the people who may see it: the entry's members (the
 * registrant), the reviewers and organisers over the entry's organisation, and the contest's
 * managers. The type comes from the (checked) extension, never from what the client declared.
 */
export async function materialFile(ctx: AppContext, actor: Actor, contestId: number, entryId: number, uploadId: string) {
  const c = await ctx.contests.contests.get(contestId);
  if (!c) throw notFound('contest');
  const e = await ctx.contests.entries.get(entryId);
  if (!e || e.contestId !== c.id) throw notFound('registration');
  const isMember = e.members.some((m) => m.personId === actor.personId);
  if (!isMember && !canScreen(actor, c, e.organisationPath)) throw forbidden(`the material of ${e.name} is for its registrant and the reviewers of ${e.organisationName} only`);
  const m = (e.details.materials ?? []).find((x) => x.uploadId === uploadId);
  const u = m && (await ctx.contests.uploads.get(uploadId));
  if (!m || !u || u.status !== 'complete') throw notFound('material');
  const file = path.join(dirOf(ctx, u.id), 'file');
  if (!fs.existsSync(file)) throw notFound('material file');
  const ext = path.extname(u.fileName).toLowerCase();
  return { file, size: fs.statSync(file).size, fileName: u.fileName, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', inline: ext !== '.doc' && ext !== '.docx' && ext !== '.ppt' && ext !== '.pptx' };
}

/** One `bytes=a-b` range (the only form players send); null = whole file, 'unsatisfiable' = 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
