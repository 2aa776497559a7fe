import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { QuestionBody } from '../../bank/components/question-body.tsx';
import type { QuestionType } from '../../bank/api.ts';
import { answerPractice, type Answer, type PracticeFeedback } from '../api.ts';
import { formatResponse } from '../format-response.ts';
import { AnswerInput } from './answer-input.tsx';

type Q = { questionId: number; type: string; stem: string; options: { key: string; text: string }[]; blanks: number; points: number };

/** One practice question: answer, check, see the key and explanation at once. */
export function PracticeQuestion({ q, number, mode, onAnswered }: { q: Q; number: number; mode: 'daily' | 'wrong-book'; onAnswered?: (f: PracticeFeedback) => void }) {
  const { t, errorText } = useI18n();
  const [response, setResponse] = useState<Answer | null>(null);
  const [feedback, setFeedback] = useState<PracticeFeedback | null>(null);
  const [error, setError] = useState<unknown>(null);
  const check = () =>
    answerPractice(q.questionId, response, mode).then(
      (f) => {
        setFeedback(f);
        onAnswered?.(f);
      },
      setError,
    );
  return (
    <div className="ss-exam-card ss-practice-q">
      <QuestionBody item={{ type: q.type as QuestionType, stem: q.stem, options: [], attachments: [], blanks: q.blanks }} number={number} answerLines={0} />
      <AnswerInput item={{ itemId: String(q.questionId), ...q }} value={response} disabled={!!feedback} onChange={setResponse} />
      {!feedback && <Button type="primary" block className="ss-block-top" disabled={!response} onClick={() => void check()}>{t('exams.practice.check')}</Button>}
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      {feedback && (
        <Alert
          className="ss-practice-feedback"
          type={feedback.correct ? 'success' : 'error'}
          showIcon
          title={feedback.correct ? t('exams.practice.right') : t('exams.practice.wrong', { key: formatResponse(feedback.answer as Answer, t) })}
          description={feedback.explanation || undefined}
        />
      )}
    </div>
  );
}
