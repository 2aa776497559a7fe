import { AppError } from '../../errors.ts';
import type { Attachment } from './model.ts';

/**
 * A file that cannot be read at all: the message names the place (line 0 = the whole file);
 * the Chinese reason rides in `details.reasonZh`, which the error handler lifts to the top.
 */
export function fileError(message: string, line: number, reasonZh: string): AppError {
  return new AppError('VALIDATION', message, { field: 'file', details: { line, reasonZh } });
}

/**
 * Bytes or text → text. UTF-8 (with or without BOM) first; bytes that are not valid UTF-8
 * are read as GB18030, what Chinese Excel saves. An empty or blank file is an error.
 */
export function decodeInput(input: string | Uint8Array, what: string): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length === 0) throw fileError(`the ${what} file is empty (0 bytes)`, 0, `${what} 文件为空（0 字节）`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder('gb18030').decode(input);
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw fileError(`the ${what} file is empty`, 0, `${what} 文件是空的`);
  return text;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  times: '×', divide: '÷', yen: '¥', copy: '©', reg: '®', deg: '°', plusmn: '±', laquo: '«', raquo: '»',
  bull: '•', rarr: '→', larr: '←', le: '≤', ge: '≥', ne: '≠', minus: '−',
};

/** Decode HTML/XML character references; unknown named entities are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|tr|blockquote|pre|ul|ol|table)\s*>/gi;
const BLOCK_START = /<(p|div|li|h[1-6]|tr|blockquote|pre|ul|ol|table)(\s[^>]*)?>/gi;

/**
 * HTML → plain text: source whitespace collapses as a browser would, `<br>` and block
 * elements become line breaks, other tags go, entities are decoded, blank lines collapse.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK_END, '\n')
    .replace(BLOCK_START, '\n')
    .replace(/<[^>]*>/g, '');
  return tidyLines(decodeEntities(text));
}

/** Trim each line, drop empty ones: the shape of text kept in the bank. */
export function tidyLines(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

const KIND_BY_TAG: Record<string, Attachment['kind']> = { img: 'image', audio: 'audio', video: 'video' };

/** Media that an HTML stem embeds (`<img src>`, `<audio src>`, `<video src>`), as attachments. */
export function htmlAttachments(html: string): Attachment[] {
  const out: Attachment[] = [];
  for (const m of html.matchAll(/<(img|audio|video|source)\b[^>]*\bsrc\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const tag = m[1].toLowerCase();
    const src = decodeEntities(m[3] ?? m[4] ?? '');
    const name = decodeURIComponent(src.split(/[/?#]/).filter(Boolean).slice(-1)[0] ?? src).trim();
    if (name === '') continue;
    const kind = KIND_BY_TAG[tag] ?? (/\.(mp3|wav|ogg|m4a)$/i.test(name) ? 'audio' : /\.(mp4|webm|mov)$/i.test(name) ? 'video' : 'image');
    const url = src.startsWith('@@PLUGINFILE@@') ? undefined : src;
    out.push(url ? { kind, name, url } : { kind, name });
  }
  return out;
}

/** The text of a Moodle text field given its `format` attribute. */
export function formattedText(raw: string, format: string | undefined): string {
  const f = (format ?? 'html').toLowerCase();
  if (f === 'plain_text' || f === 'markdown' || f === 'plain') return raw.replace(/\r\n?/g, '\n').trim();
  if (f === 'moodle_auto_format' || f === 'moodle') {
    // Line breaks are significant in Moodle's auto format; HTML is still allowed.
    return htmlToText(raw.replace(/\n/g, '<br>'));
  }
  return htmlToText(raw);
}
