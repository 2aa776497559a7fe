import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Segmented, Skeleton, Space, Switch } from 'antd';
import { CompressOutlined, ExpandOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { createBracket, useBracket, useEntries, usePk, type Contest, type MatchState } from '../api.ts';
import { BracketView } from '../components/bracket-view.tsx';
import { ContestFrame } from '../components/contest-frame.tsx';
import { PkGroups } from '../components/pk-groups.tsx';
import { Podium } from '../components/podium.tsx';
import { RecordMatchModal } from '../components/record-match-modal.tsx';
import { StageSwitch, useStageParam } from '../components/stage-switch.tsx';
import '../contests.css';

/** 对阵: the group PK and the bracket of a stage, a big-screen mode with large type, results recorded by the organiser. */
export function BracketPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="bracket">
      {(c) => <Brackets contest={c} />}
    </ContestFrame>
  );
}

function Brackets({ contest }: { contest: Contest }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const def = contest.definition;
  const [stageKey, setStage] = useStageParam(def, def.stages[def.stages.length - 1]?.id);
  const [nonce, setNonce] = useState(0);
  const bracket = useBracket(contest.id, stageKey, nonce);
  const pk = usePk(contest.id, stageKey, nonce);
  const entries = useEntries(contest.id);
  const [big, setBig] = useState(false);
  const [recording, setRecording] = useState<MatchState | null>(null);
  const [kind, setKind] = useState<'single' | 'double'>('single');
  const [thirdPlace, setThirdPlace] = useState(true);
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => new Map((entries.data ?? []).map((e) => [String(e.id), e.name])), [entries.data]);
  const stage = def.stages.find((s) => s.id === stageKey);

  useEffect(() => {
    if (!big) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setBig(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [big]);

  const create = async () => {
    setBusy(true);
    try {
      await createBracket(contest.id, stageKey, { kind, thirdPlace });
      setNonce((n) => n + 1);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const view = bracket.data;
  return (
    <>
      <div className="ss-filters ss-filters--spread">
        <StageSwitch def={def} value={stageKey} onChange={setStage} />
        {view && <Button icon={<ExpandOutlined />} onClick={() => setBig(true)} data-testid="big-screen">{t('contests.bracket.bigScreen')}</Button>}
      </div>
      {bracket.error ? <Alert type="error" showIcon title={errorText(bracket.error)} className="ss-block" /> : null}
      {pk.data && (
        <Card title={t('contests.pk.title')} className="ss-block">
          <PkGroups state={pk.data} names={names} />
        </Card>
      )}
      {bracket.loading && !view ? (
        <Skeleton active />
      ) : view ? (
        <div className={big ? 'ss-bigscreen' : undefined} data-testid={big ? 'bigscreen' : undefined}>
          {big && (
            <div className="ss-bigscreen__bar">
              <h1>{contest.title} · {stage?.name}</h1>
              <Button ghost icon={<CompressOutlined />} onClick={() => setBig(false)}>{t('contests.bracket.exitBigScreen')}</Button>
            </div>
          )}
          <Card className="ss-block ss-bracket-card">
            <Podium placements={view.placements} names={names} />
            <BracketView view={view} names={names} canRecord={contest.canManage && !big} onRecord={setRecording} />
          </Card>
        </div>
      ) : (
        <Card>
          <Empty description={t('contests.bracket.none')}>
            {contest.canManage && (
              <Space wrap>
                <Segmented value={kind} onChange={setKind} options={[{ value: 'single', label: t('contests.ruleKind.singleElimination') }, { value: 'double', label: t('contests.ruleKind.doubleElimination') }]} />
                {kind === 'single' && <span className="ss-inline-switch"><Switch size="small" checked={thirdPlace} onChange={setThirdPlace} /> {t('contests.builder.thirdPlace')}</span>}
                <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={() => void create()}>{t('contests.bracket.create')}</Button>
              </Space>
            )}
          </Empty>
        </Card>
      )}
      {recording && (
        <RecordMatchModal
          contestId={contest.id}
          stageKey={stageKey}
          match={recording}
          names={names}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            message.success(t('contests.bracket.recorded'));
            setNonce((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
