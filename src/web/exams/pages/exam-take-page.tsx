import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { fetchAttempt, startAttempt, useMyExams, type AttemptView } from '../api.ts';
import { ExamInstructions } from '../components/exam-instructions.tsx';
import { ExamSitting } from '../components/exam-sitting.tsx';
import '../../bank/bank.css';
import '../exams.css';

/**
 * The candidate's exam (phone first). An attempt in progress is resumed at once — after a reload
 * or on another device it is the same attempt, with the server's deadline; otherwise the
 * instructions and the start button come first.
 */
export function ExamTakePage() {
  const examId = Number(useParams().examId);
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const exams = useMyExams();
  const exam = exams.data?.find((e) => e.id === examId);
  const [view, setView] = useState<AttemptView | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = useCallback(
    async (fromButton: boolean) => {
      setStarting(true);
      try {
        if (fromButton && exam?.proctoring.fullscreenRequired && document.fullscreenEnabled) {
          // asked for inside the click, as browsers require; refused is fine, the overlay asks again
          void document.documentElement.requestFullscreen?.().catch(() => undefined);
        }
        const attempt = await startAttempt(examId);
        setView(await fetchAttempt(attempt.id));
      } catch (e) {
        setError(e);
      } finally {
        setStarting(false);
      }
    },
    [examId, exam?.proctoring.fullscreenRequired],
  );

  const inProgress = exam?.state === 'in-progress';
  useEffect(() => {
    if (inProgress && !view) void open(false);
  }, [inProgress, view, open]);

  const lastAttempt = exam?.attempts.at(-1);
  useEffect(() => {
    if (exam?.state === 'submitted' && lastAttempt && !view) navigate(`/me/attempts/${lastAttempt.id}`, { replace: true });
  }, [exam?.state, lastAttempt, view, navigate]);

  if (exams.loading && !exams.data) return <PageLoading full />;
  if (exams.error || error) return <Alert className="ss-exam-error" type="error" showIcon title={errorText(exams.error ?? error)} />;
  if (!exam) return <Alert className="ss-exam-error" type="warning" showIcon title={t('exams.take.notFound')} />;
  if (view) {
    return (
      <ExamSitting
        view={view}
        onFinished={(reason) => {
          if (reason === 'time-up') message.info(t('exams.take.timeUp'));
          if (reason === 'auto') message.warning(t('exams.proctor.autoSubmitted'));
          if (reason === 'closed') message.warning(t('exams.take.closedByServer'));
          navigate(`/me/attempts/${view.attempt.id}`, { replace: true });
        }}
      />
    );
  }
  if (inProgress) return <PageLoading full />;
  return <ExamInstructions exam={exam} starting={starting} onStart={() => void open(true)} />;
}
