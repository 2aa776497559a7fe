/** The server's refusals of the round builder, in the user's language: known ones in full Chinese, the rest through errorText. */
import { isApiError } from '../shared/api.ts';
import type { useI18n } from '../shared/i18n/i18n-context.tsx';

type I18n = ReturnType<typeof useI18n>;

export function builderErrorText({ t, lang, errorText }: Pick<I18n, 't' | 'lang' | 'errorText'>, e: unknown): string {
  if (lang !== 'zh-CN' || !isApiError(e) || e.reasonZh) return errorText(e);
  const m = e.message;
  if (e.code === 'CONFLICT' && /has started cannot be changed/.test(m)) return t('arena.builder.error.started');
  if (e.field === 'questions' && /add questions/.test(m)) return t('arena.builder.error.noQuestions');
  if (e.field === 'roster' && /set the roster/.test(m)) return t('arena.builder.error.noRoster');
  const unknown = e.field === 'roster' ? /unknown person (\d+)/.exec(m) : null;
  if (unknown) return t('arena.builder.error.unknownPerson', { id: unknown[1] });
  const pass = e.field === 'massQuiz.pass.minCorrect' ? /\((\d+) correct\).*?(\d+) mass-quiz/.exec(m) : null;
  if (pass) return t('arena.builder.error.passTooHigh', { need: pass[1], have: pass[2] });
  if (e.code === 'FORBIDDEN' && /paper belongs to a bank/.test(m)) return t('arena.builder.error.paperForbidden');
  if (e.code === 'NOT_FOUND' && /^paper not found/.test(m)) return t('arena.builder.error.paperMissing');
  return errorText(e);
}
