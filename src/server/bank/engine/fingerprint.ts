import type { Question } from './model.ts';

/**
 * Hashes used to recognise questions across imports.
 * - `fingerprint` (near-duplicate key): type + normalised stem + normalised options, options
 *   sorted so a reshuffled copy is caught too. Two questions with the same fingerprint are
 *   "the same question written slightly differently".
 * - `identityKey`: what re-import matches on: the external key when the file gives one,
 *   else type + exact stem + exact options. Importing the same file twice gives the same keys.
 * - `contentHash`: every field; equal hashes mean an import would change nothing.
 */

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. Pure JS, stable across runs. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 15), 0x0100019d);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x27d4eb2f) ^ h1;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * A stem (or option) reduced for comparison: Unicode NFKC (full-width → half-width),
 * lower case, blank markers (`____`, `（ ）`, `( )`) unified, whitespace and punctuation
 * removed.
 */
export function normaliseStem(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/_{2,}|\(\s*\)/g, '\u0000')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/\u0000/g, '_');
}

const SEP = '\u0001';

export function fingerprint(q: Pick<Question, 'type' | 'stem' | 'options'>): string {
  const options = q.options.map((o) => normaliseStem(o.text)).sort();
  return hash64([q.type, normaliseStem(q.stem), ...options].join(SEP));
}

export function identityKey(q: Pick<Question, 'type' | 'stem' | 'options' | 'externalKey'>): string {
  if (q.externalKey) return `ext:${q.externalKey}`;
  return 'txt:' + hash64([q.type, q.stem, ...q.options.map((o) => `${o.key}.${o.text}`)].join(SEP));
}

/** A stable hash of every field of the question (key order fixed here, not by the caller). */
export function contentHash(q: Question): string {
  const canonical = [
    q.type,
    q.stem,
    JSON.stringify(q.options.map((o) => [o.key, o.text])),
    JSON.stringify(q.answer),
    JSON.stringify(q.attachments.map((a) => [a.kind, a.name, a.url ?? null])),
    q.track ?? '',
    JSON.stringify(q.knowledgePoints),
    String(q.difficulty),
    String(q.score),
    q.explanation,
    q.source,
    q.status,
    q.externalKey ?? '',
  ];
  return hash64(canonical.join(SEP));
}
