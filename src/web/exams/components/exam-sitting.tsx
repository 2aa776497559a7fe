import { useCallback, useMemo, useRef, useState } from 'react';
import { App, Button, Drawer } from 'antd';
import { AppstoreOutlined, ClockCircleOutlined, FlagFilled, FlagOutlined, LeftOutlined, RightOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { QuestionBody } from '../../bank/components/question-body.tsx';
import type { QuestionType } from '../../bank/api.ts';
import {
  fetchAttemptClock,
  fetchMockAttempt,
  saveAnswer,
  saveAnswers,
  saveFlag,
  saveMockAnswer,
  saveMockFlag,
  submitAttempt,
  submitMock,
  type AttemptView,
  type MockAttemptView,
  type MyExam,
} from '../api.ts';
import { isAnswered, useAnswerSync, type SaveCalls } from '../use-answer-sync.ts';
import { formatRemaining, useServerClock } from '../use-server-clock.ts';
import { useProctoring } from '../use-proctoring.ts';
import { AnswerInput } from './answer-input.tsx';
import { FullscreenOverlay } from './fullscreen-overlay.tsx';
import { ProctorNotices } from './proctor-notices.tsx';
import { QuestionNavigator } from './question-navigator.tsx';
import { SaveState } from './save-state.tsx';
import { SubmitConfirm } from './submit-confirm.tsx';

type Finish = 'submitted' | 'time-up' | 'closed' | 'auto';
type Policy = MyExam['proctoring'];
/** What a real exam's attempt and a mock exam's attempt have in common. */
type SittingView = Pick<AttemptView, 'paper' | 'answers'> & { attempt: { id: number; clock: { remainingMs: number } | null } };
type Calls = SaveCalls & { submit: () => Promise<unknown>; readClock: () => Promise<number | null> };
type Props = { kind: 'exam' | 'mock'; view: SittingView; title: string; calls: Calls; proctoring: Policy | null; onFinished: (reason: Finish) => void };

const tabId = `web-${Math.random().toString(36).slice(2, 10)}`;
/** a mock exam: the proctoring hook stays idle (no listeners, polling, camera or full screen) */
const NO_PROCTORING: Policy = { fullscreenRequired: false, autoSubmitAfter: null, snapshotIntervalSec: null };

/** A real exam's attempt: answers queued meanwhile go in one request, every save names this tab, proctoring as the exam says. */
export function ExamSitting({ view, onFinished }: { view: AttemptView; onFinished: (reason: Finish) => void }) {
  const id = view.attempt.id;
  const calls = useMemo<Calls>(
    () => ({
      saveAnswer: (itemId, response) => saveAnswer(id, itemId, response, tabId),
      saveFlag: (itemId, flagged) => saveFlag(id, itemId, flagged, tabId),
      saveAnswers: (answers) => saveAnswers(id, answers, tabId),
      submit: () => submitAttempt(id),
      readClock: () => fetchAttemptClock(id).then((clock) => (clock.submittedAt ? 0 : clock.remainingMs)),
    }),
    [id],
  );
  return <Sitting kind="exam" view={view} title={view.exam.title} calls={calls} proctoring={view.exam.proctoring} onFinished={onFinished} />;
}

/** A mock exam (模拟考): no batch route, so one change a request; no proctoring; the clock re-reads the attempt. */
export function MockSitting({ view, onFinished }: { view: MockAttemptView; onFinished: (reason: Finish) => void }) {
  const id = view.attempt.id;
  const calls = useMemo<Calls>(
    () => ({
      saveAnswer: (itemId, response) => saveMockAnswer(id, itemId, response),
      saveFlag: (itemId, flagged) => saveMockFlag(id, itemId, flagged),
      submit: () => submitMock(id),
      readClock: () => fetchMockAttempt(id).then((v) => v.attempt.clock?.remainingMs ?? null),
    }),
    [id],
  );
  return <Sitting kind="mock" view={view} title={view.mock.name} calls={calls} proctoring={null} onFinished={onFinished} />;
}

/** One attempt in progress: a question at a time, the answer card, the server's clock, autosave and (real exams) proctoring. */
function Sitting({ kind, view, title, calls, proctoring, onFinished }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const items = useMemo(() => view.paper.sections.flatMap((s) => s.items.map((item) => ({ ...item, section: s.title }))), [view]);
  const [index, setIndex] = useState(0);
  const [navOpen, setNavOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const finished = useRef(false);

  const finish = useCallback(
    (reason: Finish) => {
      if (finished.current) return;
      finished.current = true;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      onFinished(reason);
    },
    [onFinished],
  );

  const clock = useServerClock({
    initialRemainingMs: view.attempt.clock?.remainingMs ?? 0,
    read: calls.readClock,
    onTimeUp: () => void sync.flush().finally(() => calls.submit().catch(() => undefined).finally(() => finish('time-up'))),
  });
  const sync = useAnswerSync({ answers: view.answers, calls, onAck: (ack) => clock.sync(ack.remainingMs), onClosed: () => finish('closed') });
  const proctor = useProctoring({ attemptId: view.attempt.id, policy: proctoring ?? NO_PROCTORING, active: proctoring !== null, onAutoSubmitted: () => finish('auto') });

  const item = items[index];
  const local = sync.items[item.itemId];
  const jump = (i: number) => {
    setIndex(Math.max(0, Math.min(items.length - 1, i)));
    setNavOpen(false);
    window.scrollTo({ top: 0 });
  };
  const unanswered = items.filter((x) => !isAnswered(sync.items[x.itemId]?.response)).map((x) => x.number);
  const flagged = items.filter((x) => sync.items[x.itemId]?.flagged).map((x) => x.number);
  const answered = items.length - unanswered.length;
  const lowTime = clock.remainingMs < 5 * 60_000;

  const submit = async () => {
    setSubmitting(true);
    try {
      await sync.flush();
      if (sync.hasPending()) throw new Error(t('exams.take.submitWaitSave', { n: sync.unsaved }));
      await calls.submit();
      finish('submitted');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  const navigator = <QuestionNavigator items={items} current={index} local={sync.items} sync={sync.sync} onJump={jump} />;
  return (
    <div className={kind === 'mock' ? 'ss-exam ss-mock' : 'ss-exam'} data-testid={`${kind}-sitting`}>
      <header className="ss-exam-bar">
        <div className="ss-exam-bar__title">{title}</div>
        <div className={`ss-exam-bar__clock${lowTime ? ' is-low' : ''}`} data-testid={`${kind}-timer`} title={t('exams.take.clockFromServer')}>
          <ClockCircleOutlined /> {formatRemaining(clock.remainingMs)}
        </div>
        <div className="ss-exam-bar__meta">
          <span className="ss-exam-bar__progress">{t('exams.take.progress', { done: answered, total: items.length })}</span>
          <SaveState unsaved={sync.unsaved} failing={sync.failing || !sync.online} testId="overall-save" />
          {proctor.camera === 'on' && <VideoCameraOutlined className="ss-exam-bar__cam" title={t('exams.proctor.cameraOn')} />}
        </div>
      </header>

      <ProctorNotices online={sync.online} failing={sync.failing} unsaved={sync.unsaved} ack={proctor.ack} messages={proctor.messages} camera={proctor.camera} />

      <div className="ss-exam-body">
        <main className="ss-exam-main">
          <section className="ss-exam-card" data-testid="exam-question" data-item={item.itemId}>
            <div className="ss-exam-card__head">
              <span className="ss-exam-card__section">{item.section ?? t(`bank.type.${item.type as QuestionType}`)}</span>
              <span className="ss-exam-card__pos">{t('exams.take.position', { n: index + 1, total: items.length })}</span>
              <SaveState state={sync.sync[item.itemId] ?? (isAnswered(local?.response) ? 'saved' : undefined)} testId="item-save" />
            </div>
            <QuestionBody item={{ ...item, type: item.type as QuestionType, options: [], attachments: item.attachments as never }} number={item.number} points={item.points} answerLines={0} />
            <AnswerInput key={item.itemId} item={item} value={local?.response ?? null} onChange={(r) => sync.setAnswer(item.itemId, r)} />
          </section>
          <div className="ss-exam-actions">
            <Button size="large" icon={<LeftOutlined />} disabled={index === 0} onClick={() => jump(index - 1)}>
              {t('exams.take.prev')}
            </Button>
            <Button size="large" icon={local?.flagged ? <FlagFilled /> : <FlagOutlined />} className={local?.flagged ? 'ss-exam-flag is-on' : 'ss-exam-flag'} onClick={() => sync.setFlag(item.itemId, !local?.flagged)}>
              {local?.flagged ? t('exams.take.unflag') : t('exams.take.flag')}
            </Button>
            <Button size="large" className="ss-exam-actions__card" icon={<AppstoreOutlined />} onClick={() => setNavOpen(true)}>
              {t('exams.take.answerCard')}
            </Button>
            {index < items.length - 1 ? (
              <Button size="large" type="primary" onClick={() => jump(index + 1)}>
                {t('exams.take.next')} <RightOutlined />
              </Button>
            ) : (
              <Button size="large" type="primary" danger onClick={() => setConfirming(true)} data-testid="submit-open">
                {t('exams.take.submit')}
              </Button>
            )}
          </div>
        </main>
        <aside className="ss-exam-side">
          {navigator}
          <Button block type="primary" size="large" onClick={() => setConfirming(true)}>
            {t('exams.take.submit')}
          </Button>
        </aside>
      </div>

      <Drawer open={navOpen} placement="bottom" size="auto" title={t('exams.take.answerCard')} onClose={() => setNavOpen(false)} className="ss-exam-drawer">
        {navigator}
        <Button block type="primary" size="large" className="ss-block-top" onClick={() => { setNavOpen(false); setConfirming(true); }}>
          {t('exams.take.submit')}
        </Button>
      </Drawer>
      <SubmitConfirm
        open={confirming}
        unanswered={unanswered}
        flagged={flagged}
        unsaved={sync.unsaved}
        submitting={submitting}
        onJump={(n) => { setConfirming(false); jump(items.findIndex((x) => x.number === n)); }}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void submit()}
      />
      {proctor.needsFullscreen && !proctor.isFullscreen && <FullscreenOverlay onEnter={proctor.enterFullscreen} />}
    </div>
  );
}
