/**
 * Text with backslash escapes: find and split on separators that are not escaped.
 * Used by the GIFT and cloze readers and by the spreadsheet answer columns.
 */

/** Index of the first unescaped occurrence of `needle` at or after `from`, or -1. */
export function findUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Split on any unescaped separator; escapes are kept in the parts. */
export function splitUnescaped(text: string, separators: string[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    const sep = separators.find((s) => text.startsWith(s, i));
    if (sep !== undefined) {
      parts.push(text.slice(start, i));
      start = i + sep.length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Split before each unescaped marker character, keeping the marker at the start of its
 * part (`=a~b~c` → `=a`, `~b`, `~c`); text before the first marker is the first part.
 */
export function splitBefore(text: string, markers: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (markers.includes(text[i]) && i > start) {
      parts.push(text.slice(start, i));
      start = i;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Remove backslash escapes: `\x` → `x`. */
export const unescapeAll = (text: string): string => text.replace(/\\(.)/gs, '$1');

/** Escape the given characters (and the backslash) with a backslash. */
export function escapeChars(text: string, chars: string): string {
  let out = '';
  for (const c of text) out += c === '\\' || chars.includes(c) ? '\\' + c : c;
  return out;
}
