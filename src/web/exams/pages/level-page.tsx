import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Result } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { QuestionBody } from '../../bank/components/question-body.tsx';
import type { QuestionType } from '../../bank/api.ts';
import { submitLevel, useLevel, type Answer, type LevelOutcome } from '../api.ts';
import { AnswerInput } from '../components/answer-input.tsx';
import '../../bank/bank.css';
import '../exams.css';

/** 闯关: one level's paper, answered all at once; passing unlocks the next level. */
export function LevelPage() {
  const id = Number(useParams().levelId);
  const { t, errorText } = useI18n();
  const level = useLevel(id);
  const [answers, setAnswers] = useState<Record<number, Answer | null>>({});
  const [outcome, setOutcome] = useState<LevelOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (level.loading && !level.data) return <PageLoading />;
  if (level.error || !level.data) return <Alert type="error" showIcon title={errorText(level.error)} />;
  const submit = () => submitLevel(id, level.data!.questions.map((q) => ({ questionId: q.questionId, response: answers[q.questionId] ?? null }))).then(setOutcome, setError);
  return (
    <div className="ss-mobile-page">
      <Link to="/me/practice?tab=levels" className="ss-exam-back"><LeftOutlined /> {t('exams.practice.levels')}</Link>
      <h2>{level.data.level.name}</h2>
      {outcome ? (
        <Result status={outcome.passed ? 'success' : 'warning'} title={outcome.passed ? t('exams.practice.passed') : t('exams.practice.notPassed')} subTitle={t('exams.practice.levelScore', { score: outcome.score, max: outcome.maxScore })} extra={<Link to="/me/practice?tab=levels"><Button type="primary">{t('exams.practice.levels')}</Button></Link>} />
      ) : (
        <>
          {level.data.questions.map((q, i) => (
            <div key={q.questionId} className="ss-exam-card ss-practice-q">
              <QuestionBody item={{ type: q.type as QuestionType, stem: q.stem, options: [], attachments: [], blanks: q.blanks }} number={i + 1} points={q.points} answerLines={0} />
              <AnswerInput item={{ itemId: String(q.questionId), ...q }} value={answers[q.questionId] ?? null} onChange={(r) => setAnswers((a) => ({ ...a, [q.questionId]: r }))} />
            </div>
          ))}
          {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
          <Button type="primary" size="large" block onClick={() => void submit()}>{t('exams.practice.submitLevel')}</Button>
        </>
      )}
    </div>
  );
}
