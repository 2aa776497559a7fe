import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AnswerKey } from '../api.ts';
import { answerText } from '../question-draft.ts';

type Props = { answerKey: AnswerKey; title: string };

/** 参考答案: for organisers and markers only, on its own page. */
export function AnswerKeySheet({ answerKey, title }: Props) {
  const { t } = useI18n();
  const words = { yes: t('bank.answer.true'), no: t('bank.answer.false'), or: t('bank.answer.or') };
  return (
    <article className="ss-sheet ss-sheet--key" data-testid="answer-key">
      <header className="ss-sheet__header">
        <div className="ss-sheet__label">{t('bank.paper.label', { label: answerKey.label })}</div>
        <h1 className="ss-sheet__title">{title}</h1>
        <div className="ss-sheet__subtitle">{t('bank.paper.answerKey')} · {t('bank.paper.confidential')}</div>
      </header>
      <table className="ss-key-table">
        <thead>
          <tr>
            <th>{t('bank.paper.no')}</th>
            <th>{t('bank.field.type')}</th>
            <th>{t('bank.field.answer')}</th>
            <th>{t('bank.field.score')}</th>
            <th>{t('bank.field.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {answerKey.items.map((item) => (
            <tr key={item.position}>
              <td>{item.position}</td>
              <td>{t(`bank.type.${item.type}`)}</td>
              <td className="ss-key-table__answer">{answerText(item.answer, words)}</td>
              <td>{item.points}</td>
              <td className="ss-key-table__explanation">{item.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
