import type { Translate } from '../shared/i18n/i18n-context.tsx';
import type { Answer } from './api.ts';

/** A response (or a key of the same shape) as short text: "A C", "正确", "blank 1 / blank 2". */
export function formatResponse(r: Answer | null | undefined, t: Translate): string {
  if (!r || typeof r !== 'object') return '';
  switch (r.kind) {
    case 'choice':
      return r.keys.join(' ');
    case 'truefalse':
      return r.value ? t('exams.take.true') : t('exams.take.false');
    case 'fill':
      return r.blanks.map((b) => (Array.isArray(b) ? (b as string[]).join('|') : b)).join(' / ');
    case 'text':
      return r.text.length > 40 ? `${r.text.slice(0, 40)}…` : r.text;
    default:
      return '';
  }
}
