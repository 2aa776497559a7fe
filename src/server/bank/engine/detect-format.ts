/**
 * Which importer reads a file, from its first bytes and its name: an .xlsx is a zip; Moodle
 * XML starts with `<?xml` or `<quiz`; a .csv (or text whose first line has 题型/题干 between
 * commas or tabs) is a sheet; Aiken has `ANSWER: X` lines and no braces; GIFT has `{…}`.
 * Returns null when nothing fits, so the caller can ask for --format.
 */
export type QuestionFileFormat = 'xlsx' | 'csv' | 'moodle' | 'gift' | 'aiken';

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function detectQuestionFormat(bytes: Uint8Array, fileName: string): QuestionFileFormat | null {
  const name = fileName.toLowerCase();
  if (isZip(bytes) || name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (name.endsWith('.xml') || start.startsWith('<?xml') || start.startsWith('<quiz')) return 'moodle';
  if (name.endsWith('.gift')) return 'gift';
  const firstLine = start.split('\n')[0] ?? '';
  if (/(题型|type)/i.test(firstLine) && /(题干|stem|question)/i.test(firstLine) && /[,\t]/.test(firstLine)) return 'csv';
  const hasAnswerLines = /^\s*ANSWER\s*[:：]\s*[A-Za-z]\s*$/m.test(head);
  const hasBraces = /\{[^}]*\}/.test(head);
  if (hasAnswerLines && !hasBraces) return 'aiken';
  if (hasBraces) return 'gift';
  if (hasAnswerLines) return 'aiken';
  return null;
}
