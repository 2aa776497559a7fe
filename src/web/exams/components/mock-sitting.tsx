import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Drawer } from 'antd';
import { AppstoreOutlined, ClockCircleOutlined, FlagFilled, FlagOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { QuestionBody } from '../../bank/components/question-body.tsx';
import type { QuestionType } from '../../bank/api.ts';
import { fetchMockAttempt, submitMock, type MockAttemptView } from '../api.ts';
import { isAnswered } from '../use-answer-sync.ts';
import { formatRemaining } from '../use-server-clock.ts';
import { AnswerInput } from './answer-input.tsx';
import { QuestionNavigator } from './question-navigator.tsx';
import { SaveState } from './save-state.tsx';
import { SubmitConfirm } from './submit-confirm.tsx';
import { useMockSync } from './use-mock-sync.ts';

type Finish = 'submitted' | 'time-up' | 'closed';
type Props = { view: MockAttemptView; onFinished: (reason: Finish) => void };

/**
 * The remaining time as the server last said it, counted down on a monotonic clock between
 * readings; every save acknowledgement and a re-read every 20 s replace the reading.
 */
function useMockClock(attemptId: number, initialMs: number, onTimeUp: () => void) {
  const reading = useRef({ ms: initialMs, at: performance.now() });
  const [remainingMs, setRemainingMs] = useState(initialMs);
  const fired = useRef(false);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;
  const sync = useCallback((ms: number) => {
    reading.current = { ms, at: performance.now() };
    setRemainingMs(ms);
  }, []);
  useEffect(() => {
    const tick = window.setInterval(() => {
      const left = Math.max(0, reading.current.ms - (performance.now() - reading.current.at));
      setRemainingMs(left);
      if (left <= 0 && !fired.current) {
        fired.current = true;
        timeUp.current();
      }
    }, 500);
    const resync = window.setInterval(() => {
      if (!navigator.onLine) return;
      fetchMockAttempt(attemptId)
        .then((v) => v.attempt.clock && sync(v.attempt.clock.remainingMs))
        .catch(() => undefined);
    }, 20_000);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(resync);
    };
  }, [attemptId, sync]);
  return { remainingMs, sync };
}

/** A mock exam in progress (模拟考): one question at a time, the answer card, the server's clock and autosave; no proctoring. */
export function MockSitting({ view, onFinished }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const items = useMemo(() => view.paper.sections.flatMap((s) => s.items.map((item) => ({ ...item, section: s.title }))), [view]);
  const [index, setIndex] = useState(0);
  const [navOpen, setNavOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const finished = useRef(false);
  const finish = useCallback((reason: Finish) => {
    if (finished.current) return;
    finished.current = true;
    onFinished(reason);
  }, [onFinished]);

  const clock = useMockClock(view.attempt.id, view.attempt.clock?.remainingMs ?? 0, () => void sync.flush().finally(() => submitMock(view.attempt.id).catch(() => undefined).finally(() => finish('time-up'))));
  const sync = useMockSync({ view, onAck: (ack) => clock.sync(ack.remainingMs), onClosed: () => finish('closed') });

  const item = items[index];
  const local = sync.items[item.itemId];
  const jump = (i: number) => {
    setIndex(Math.max(0, Math.min(items.length - 1, i)));
    setNavOpen(false);
    window.scrollTo({ top: 0 });
  };
  const unanswered = items.filter((x) => !isAnswered(sync.items[x.itemId]?.response)).map((x) => x.number);
  const flagged = items.filter((x) => sync.items[x.itemId]?.flagged).map((x) => x.number);
  const submit = async () => {
    setSubmitting(true);
    try {
      await sync.flush();
      if (sync.hasPending()) throw new Error(t('exams.take.submitWaitSave', { n: sync.unsaved }));
      await submitMock(view.attempt.id);
      finish('submitted');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  const navigator = <QuestionNavigator items={items} current={index} local={sync.items} sync={sync.sync} onJump={jump} />;
  return (
    <div className="ss-exam ss-mock" data-testid="mock-sitting">
      <header className="ss-exam-bar">
        <div className="ss-exam-bar__title">{view.mock.name}</div>
        <div className={`ss-exam-bar__clock${clock.remainingMs < 5 * 60_000 ? ' is-low' : ''}`} data-testid="mock-timer" title={t('exams.take.clockFromServer')}>
          <ClockCircleOutlined /> {formatRemaining(clock.remainingMs)}
        </div>
        <div className="ss-exam-bar__meta">
          <span className="ss-exam-bar__progress">{t('exams.take.progress', { done: items.length - unanswered.length, total: items.length })}</span>
          <SaveState unsaved={sync.unsaved} failing={sync.failing || !sync.online} testId="overall-save" />
        </div>
      </header>
      {(!sync.online || sync.failing) && (
        <div className="ss-exam-notices">
          <Alert type="error" showIcon data-testid="offline-banner" title={!sync.online ? t('exams.take.offlineTitle') : t('exams.take.retryTitle')} description={t('exams.take.offlineBody', { n: sync.unsaved })} />
        </div>
      )}
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
            <Button size="large" icon={<LeftOutlined />} disabled={index === 0} onClick={() => jump(index - 1)}>{t('exams.take.prev')}</Button>
            <Button size="large" icon={local?.flagged ? <FlagFilled /> : <FlagOutlined />} className={local?.flagged ? 'ss-exam-flag is-on' : 'ss-exam-flag'} onClick={() => sync.setFlag(item.itemId, !local?.flagged)}>
              {local?.flagged ? t('exams.take.unflag') : t('exams.take.flag')}
            </Button>
            <Button size="large" className="ss-exam-actions__card" icon={<AppstoreOutlined />} onClick={() => setNavOpen(true)}>{t('exams.take.answerCard')}</Button>
            {index < items.length - 1 ? (
              <Button size="large" type="primary" onClick={() => jump(index + 1)}>{t('exams.take.next')} <RightOutlined /></Button>
            ) : (
              <Button size="large" type="primary" danger onClick={() => setConfirming(true)} data-testid="submit-open">{t('exams.take.submit')}</Button>
            )}
          </div>
        </main>
        <aside className="ss-exam-side">
          {navigator}
          <Button block type="primary" size="large" onClick={() => setConfirming(true)}>{t('exams.take.submit')}</Button>
        </aside>
      </div>
      <Drawer open={navOpen} placement="bottom" size="auto" title={t('exams.take.answerCard')} onClose={() => setNavOpen(false)} className="ss-exam-drawer">
        {navigator}
        <Button block type="primary" size="large" className="ss-block-top" onClick={() => { setNavOpen(false); setConfirming(true); }}>{t('exams.take.submit')}</Button>
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
    </div>
  );
}
