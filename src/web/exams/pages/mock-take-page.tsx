import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card } from 'antd';
import { BookOutlined, ClockCircleOutlined, LeftOutlined, ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { startMock, useMyMocks, type MockAttemptView } from '../api.ts';
import { MockSitting } from '../components/exam-sitting.tsx';
import '../../bank/bank.css';
import '../exams.css';
import '../components/mock.css';

/**
 * A mock exam (模拟考), phone first: the rules and the start button, then the sitting. An attempt in
 * progress is resumed at once (a reload, another tab or device: the same attempt and deadline).
 */
export function MockTakePage() {
  const mockId = Number(useParams().mockId);
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mocks = useMyMocks();
  const mock = mocks.data?.find((m) => m.id === mockId);
  const [view, setView] = useState<MockAttemptView | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = useCallback(async () => {
    setStarting(true);
    try {
      setView(await startMock(mockId));
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  }, [mockId]);
  const inProgress = mock?.inProgress !== null && mock?.inProgress !== undefined;
  useEffect(() => {
    if (inProgress && !view && !error) void open();
  }, [inProgress, view, error, open]);

  if (mocks.loading && !mocks.data) return <PageLoading full />;
  if (mocks.error) return <Alert className="ss-exam-error" type="error" showIcon title={errorText(mocks.error)} />;
  if (!mock) return <Alert className="ss-exam-error" type="warning" showIcon title={t('exams.mock.notFound')} />;
  if (view) {
    return (
      <MockSitting
        view={view}
        onFinished={(reason) => {
          if (reason === 'time-up') message.info(t('exams.mock.timeUp'));
          if (reason === 'closed') message.warning(t('exams.mock.closed'));
          navigate(`/me/practice/mock-attempts/${view.attempt.id}`, { replace: true });
        }}
      />
    );
  }
  if (inProgress && !error) return <PageLoading full />;
  const canStart = mock.available && mock.attemptsLeft !== 0;
  const weekly = mock.cadence === 'weekly';
  const rules = [
    { icon: <ClockCircleOutlined />, text: t('exams.mock.ruleDuration', { n: mock.durationMinutes }) },
    { icon: <ReloadOutlined />, text: weekly ? t('exams.weekly.rulePaper') : t('exams.mock.rulePaper') },
    { icon: <SafetyOutlined />, text: t('exams.mock.ruleAutosave') },
    { icon: <BookOutlined />, text: t('exams.mock.ruleGrading') },
  ];
  return (
    <div className="ss-mobile-page ss-exam-intro ss-mock-intro" data-testid="mock-intro">
      <Link to="/me/practice?tab=mock" className="ss-exam-back">
        <LeftOutlined /> {t('exams.mock.back')}
      </Link>
      <section className="ss-hero ss-exam-intro__hero">
        <div className="ss-hero__hello">{mock.organisationName} · {weekly ? t('exams.weekly.tag') : t('exams.mock.tab')}</div>
        <h1 className="ss-hero__name">{mock.name}</h1>
        <div className="ss-hero__org">
          {t('exams.mock.duration', { n: mock.durationMinutes })} · {weekly && mock.weekly
            ? t('exams.weekly.week', { week: mock.weekly.week, from: mock.weekly.firstDay.slice(5), to: mock.weekly.lastDay.slice(5) })
            : mock.attemptsLeft === null ? t('exams.mock.unlimited') : t('exams.mock.left', { n: mock.attemptsLeft })}
          {mock.best !== null ? ` · ${t('exams.mock.best', { n: mock.best })}` : ''}
        </div>
      </section>
      {error ? <Alert type="error" showIcon className="ss-home-section" title={errorText(error)} /> : null}
      <Card size="small" className="ss-home-section" title={t('exams.take.rules')}>
        <ul className="ss-exam-rules">
          {rules.map((r, i) => (
            <li key={i}>{r.icon} <span>{r.text}</span></li>
          ))}
        </ul>
      </Card>
      {canStart ? (
        <Button type="primary" size="large" block loading={starting} onClick={() => { setError(null); void open(); }} data-testid="mock-start">
          {weekly ? t('exams.weekly.start') : t('exams.mock.start')}
        </Button>
      ) : (
        <div className="ss-home-empty"><span className="ss-home-empty__text">{!mock.available ? t('exams.mock.unavailable') : weekly ? t('exams.weekly.noneLeft') : t('exams.mock.noneLeft')}</span></div>
      )}
    </div>
  );
}
