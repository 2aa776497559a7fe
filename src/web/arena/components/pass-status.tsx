/**
 * 通关 (the mass quiz's declared pass mark): a player's progress towards it and, at the end,
 * whether they passed and the reward; the big screen's and the console's count of who passed.
 */
import { Button, Progress } from 'antd';
import { CheckCircleFilled, DownloadOutlined, GiftFilled } from '@ant-design/icons';
import { buildUrl } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundView } from '../api.ts';

/** The player's line under the question strip while the quiz runs, and the verdict at the end. */
export function PhonePass({ view }: { view: RoundView }) {
  const { t } = useI18n();
  const pass = view.pass;
  const me = view.me;
  if (!pass || !me || me.passed === null) return null;
  const need = pass.minCorrect;
  if (view.status === 'finished') {
    return me.passed ? (
      <div className="arena-pass arena-pass--won" data-testid="phone-pass" data-passed="true">
        <div className="arena-pass__title"><GiftFilled /> {t('arena.pass.passedFinal')}</div>
        <div className="arena-pass__reward">{t('arena.pass.reward', { reward: pass.reward })}</div>
      </div>
    ) : (
      <div className="arena-pass" data-testid="phone-pass" data-passed="false">
        <div className="arena-pass__title">{t('arena.pass.missed', { n: need - me.correct })}</div>
        <div className="arena-pass__rule">{t('arena.pass.rule', { n: need })} · {t('arena.pass.reward', { reward: pass.reward })}</div>
      </div>
    );
  }
  return (
    <div className="arena-pass-strip" data-testid="phone-pass" data-passed={String(me.passed)}>
      {me.passed ? (
        <span className="arena-pass-strip__done"><CheckCircleFilled /> {t('arena.pass.passedLive')} · {t('arena.pass.reward', { reward: pass.reward })}</span>
      ) : (
        <>
          <span>{t('arena.pass.progress', { n: me.correct, need })}</span>
          <Progress percent={Math.round((100 * me.correct) / need)} showInfo={false} size="small" strokeColor="#ffc94a" railColor="rgba(255,255,255,0.15)" />
        </>
      )}
    </div>
  );
}

/** How many have passed, for the big screen (under the board, and under the podium at the end). */
export function ScreenPass({ view }: { view: RoundView }) {
  const { t } = useI18n();
  const pass = view.pass;
  if (!pass) return null;
  return (
    <div className={`screen-pass${view.status === 'finished' ? ' screen-pass--final' : ''}`} data-testid="screen-pass">
      <span className="screen-pass__count">{t('arena.pass.count', { n: pass.passed, total: pass.units })}</span>
      <span className="screen-pass__rule">{t('arena.pass.rule', { n: pass.minCorrect })} · {t('arena.pass.reward', { reward: pass.reward })}</span>
    </div>
  );
}

/** The console's count and, for organisers and hosts, the 通关名单 to hand out the reward. */
export function HostPass({ view, roundId }: { view: RoundView; roundId: number }) {
  const { t } = useI18n();
  const pass = view.pass;
  if (!pass) return null;
  return (
    <div className="arena-host-pass" data-testid="host-pass">
      <div>
        <b>{t('arena.pass.count', { n: pass.passed, total: pass.units })}</b>
        <div className="arena-host-pass__rule">{t('arena.pass.rule', { n: pass.minCorrect })} · {t('arena.pass.reward', { reward: pass.reward })}</div>
      </div>
      <Button size="small" icon={<DownloadOutlined />} href={buildUrl(`/api/arena/rounds/${roundId}/passed`, { format: 'xlsx' })} data-testid="host-pass-download">
        {t('arena.pass.download')}
      </Button>
    </div>
  );
}
