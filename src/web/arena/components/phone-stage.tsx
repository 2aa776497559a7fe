import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, LockFilled, WarningFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { secondsLeft, useTicker, type RoundView } from '../api.ts';
import { signed } from '../labels.ts';
import type { PhoneState } from '../phone-state.ts';
import { BuzzButton } from './buzz-button.tsx';
import { OptionPicker } from './option-picker.tsx';
import { PhonePass } from './pass-status.tsx';
import { Podium } from './podium.tsx';
import { StakePicker } from './stake-picker.tsx';

type Props = {
  view: RoundView;
  state: PhoneState;
  stakes: number[];
  lastDelta: number | null;
  serverNow: () => number;
  onBuzz: () => void;
  onAnswer: (choice: string[]) => void;
  onStake: (stake: number) => void;
};

/** The one thing the contestant should look at now, in big type. */
export function PhoneStage({ view, state, stakes, lastDelta, serverNow, onBuzz, onAnswer, onStake }: Props) {
  const { t } = useI18n();
  const q = view.question;
  const me = view.me;
  const deadline = q?.turn?.deadline ?? (q?.phase === 'open' && q.format !== 'buzzer' ? q.deadline : null);
  useTicker(deadline !== null, 250);
  const left = secondsLeft(deadline, serverNow());
  const prompt = q?.prompt && state.kind !== 'stake' && (
    <div className="arena-phone__question" data-testid="phone-question">
      <span className="arena-phone__qno">{t('arena.questionN', { n: q.index + 1, total: view.questionCount })}</span>
      {q.prompt}
    </div>
  );
  const multiple = q?.kind === 'multiple';
  const stake = q?.format === 'risk' && me?.myStake != null && (
    <div className="arena-phone__stake" data-testid="phone-stake">{t('arena.play.stakeChosen', { n: me.myStake })}</div>
  );
  const timer = left !== null && <div className={`arena-phone__timer${left <= 5 ? ' is-urgent' : ''}`}><ClockCircleOutlined /> {t('arena.timeLeft', { s: left })}</div>;

  switch (state.kind) {
    case 'connecting':
    case 'waiting':
      return (
        <div className="arena-phone__panel arena-phone__panel--wait" data-state="waiting">
          <div className="arena-phone__pulse" />
          <h2 className="arena-phone__headline">{t('arena.play.waiting')}</h2>
          {prompt}
        </div>
      );
    case 'not-player':
      return <div className="arena-phone__panel" data-state="not-player"><h2 className="arena-phone__headline">{t('arena.play.notOnRoster')}</h2></div>;
    case 'removed':
      return <div className="arena-phone__panel" data-state="removed"><h2 className="arena-phone__headline">{t('arena.play.removed')}</h2></div>;
    case 'stake':
      return (
        <div className="arena-phone__panel" data-state="stake">
          <StakePicker stakes={stakes} mine={me?.myStake ?? null} picked={q?.stakesPicked ?? null} total={view.leaderboard.length || null} onPick={onStake} />
        </div>
      );
    case 'listen':
      return (
        <div className="arena-phone__panel" data-state="listen">
          {prompt}
          <BuzzButton open={false} onBuzz={onBuzz} />
          <div className="arena-phone__sub">{t('arena.play.waitingBuzz')}</div>
        </div>
      );
    case 'buzz-open':
      return (
        <div className="arena-phone__panel arena-phone__panel--open" data-state="open">
          {prompt}
          <BuzzButton open onBuzz={onBuzz} />
        </div>
      );
    case 'buzzed':
      return (
        <div className="arena-phone__panel" data-state="buzzed">
          {prompt}
          <h2 className="arena-phone__headline">{t('arena.play.buzzed')}</h2>
        </div>
      );
    case 'your-turn':
      return (
        <div className="arena-phone__panel arena-phone__panel--turn" data-state="answering">
          <h2 className="arena-phone__headline arena-phone__headline--turn">{t('arena.play.youAnswer')}</h2>
          {timer}
          {prompt}
          {stake}
          {q && q.options.length > 0 ? <OptionPicker question={q} multiple={multiple} mine={me?.myChoice ?? null} onAnswer={onAnswer} /> : <div className="arena-phone__note">{t('arena.play.answerOral')}</div>}
        </div>
      );
    case 'answer':
      return (
        <div className="arena-phone__panel" data-state="answer">
          {timer}
          {stake}
          {prompt}
          {multiple && <div className="arena-phone__sub">{t('arena.play.chooseMany')}</div>}
          {q && <OptionPicker question={q} multiple={multiple} mine={null} onAnswer={onAnswer} />}
        </div>
      );
    case 'submitted':
      return (
        <div className="arena-phone__panel" data-state="submitted">
          {prompt}
          <h2 className="arena-phone__headline"><CheckCircleFilled /> {t('arena.play.submitted', { choice: state.choice.join('') })}</h2>
          {stake}
          {timer}
        </div>
      );
    case 'locked':
      return (
        <div className={`arena-phone__panel arena-phone__panel--locked${state.reason === 'false-start' ? ' arena-phone__panel--foul' : ''}`} data-state={state.reason === 'false-start' ? 'false-start' : 'locked'}>
          <div className="arena-phone__lock">{state.reason === 'false-start' ? <WarningFilled /> : <LockFilled />}</div>
          <h2 className="arena-phone__headline">
            {state.reason === 'false-start' ? t('arena.play.falseStart', { n: state.penalty ?? 0 }) : state.reason === 'other' && state.name ? t('arena.play.otherAnswering', { name: state.name }) : t('arena.play.lockedOut')}
          </h2>
          <div className="arena-phone__sub">{t('arena.play.locked')}</div>
          {prompt}
        </div>
      );
    case 'closed': {
      const verdict = q && me ? q.verdicts[me.unitId] : undefined;
      return (
        <div className="arena-phone__panel" data-state="closed">
          {verdict ? (
            <h2 className={`arena-phone__headline arena-phone__verdict--${verdict}`} data-testid="phone-verdict">
              {verdict === 'right' ? <CheckCircleFilled /> : <CloseCircleFilled />} {t(verdict === 'right' ? 'arena.play.youRight' : 'arena.play.youWrong', { delta: lastDelta !== null ? signed(lastDelta) : '' })}
            </h2>
          ) : (
            <h2 className="arena-phone__headline">{t('arena.play.closed')}</h2>
          )}
          {prompt}
          {stake}
          {q && q.options.length > 0 && <OptionPicker question={q} multiple={multiple} mine={me?.myChoice ?? []} disabled onAnswer={() => undefined} />}
        </div>
      );
    }
    case 'finished':
      return (
        <div className="arena-phone__panel" data-state="finished">
          <h2 className="arena-phone__headline">{t('arena.play.finished')}</h2>
          {me?.place && <div className="arena-phone__place">{t('arena.play.yourPlace', { n: me.place })}</div>}
          <PhonePass view={view} />
          {view.podium && <Podium rows={view.podium} variant="phone" />}
        </div>
      );
  }
}
