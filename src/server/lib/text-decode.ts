import iconv from 'iconv-lite';

/**
 * Text files reach us as Excel in China saves them: UTF-8 with or without a BOM,
 * GB18030 (what "CSV" means in a Chinese Excel), or UTF-16 ("Unicode text").
 */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' | 'utf-16le' } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}
