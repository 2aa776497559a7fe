import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Segmented, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { advanceStage, problemsOf, useStandings, type AdvanceReport, type Contest } from '../api.ts';
import { AdvanceReportModal } from '../components/advance-report-modal.tsx';
import { ContestFrame } from '../components/contest-frame.tsx';
import { IncompleteBanner } from '../components/incomplete-banner.tsx';
import { ruleText, tieBreakText } from '../components/rule-text.ts';
import { ScoreEntryModal } from '../components/score-entry-modal.tsx';
import { StandingsTable } from '../components/standings-table.tsx';
import { StageSwitch, useStageParam } from '../components/stage-switch.tsx';
import '../contests.css';

/** 成绩排名: per stage and track, with the missing scores, the advancement preview and run, and manual scores. */
export function StandingsPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="standings">
      {(c) => <StageStandings contest={c} />}
    </ContestFrame>
  );
}

function StageStandings({ contest }: { contest: Contest }) {
  const { t, errorText, lang } = useI18n();
  const { message } = App.useApp();
  const [stageKey, setStage] = useStageParam(contest.definition, contest.definition.stages.find((s) => s.kind === 'semifinal')?.id);
  const [nonce, setNonce] = useState(0);
  const standings = useStandings(contest.id, stageKey, nonce);
  const [track, setTrack] = useState<string | null>(null);
  const [report, setReport] = useState<AdvanceReport | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [scoring, setScoring] = useState(false);
  const stage = contest.definition.stages.find((s) => s.id === stageKey);
  const data = standings.data;
  const shownTrack = data?.tracks.find((x) => x.trackId === track) ?? data?.tracks[0];

  const advance = async (dryRun: boolean) => {
    setBusy(true);
    setRefusal(null);
    try {
      const r = await advanceStage(contest.id, stageKey, dryRun);
      setReport(r);
      if (r.written) {
        message.success(t('contests.advance.written', { n: r.advancing }));
        setNonce((n) => n + 1);
      }
    } catch (e) {
      const problems = problemsOf(e);
      setRefusal(problems.length > 0 ? problems.map((p) => ((lang === 'zh-CN' ? p.messageZh : undefined) ?? p.message ?? '')) : [errorText(e)]);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="ss-filters ss-filters--spread">
        <StageSwitch def={contest.definition} value={stageKey} onChange={(s) => { setStage(s); setTrack(null); setRefusal(null); }} />
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={() => setNonce((n) => n + 1)}>{t('common.refresh')}</Button>
          {contest.canManage && <Button icon={<EditOutlined />} onClick={() => setScoring(true)} data-testid="enter-score">{t('contests.score.title')}</Button>}
          {contest.canManage && (stage?.advancement.kind === 'topN' || stage?.advancement.kind === 'groupPk') && (
            <Button type="primary" icon={<ExperimentOutlined />} loading={busy} onClick={() => void advance(true)} data-testid="advance-preview">
              {t('contests.advance.preview')}
            </Button>
          )}
        </Space>
      </div>
      {stage && (
        <div className="ss-stage-facts">
          <Tag variant="filled" color="blue">{ruleText(t, stage.advancement)}</Tag>
          {stage.tieBreaks.map((tb, i) => <Tag key={i} variant="filled">{i + 1}. {tieBreakText(t, tb, stage.rounds)}</Tag>)}
        </div>
      )}
      {refusal && (
        <Alert type="error" showIcon closable onClose={() => setRefusal(null)} className="ss-block" data-testid="advance-refused" title={t('contests.advance.refused')} description={<ul className="ss-problem-list">{refusal.map((r, i) => <li key={i}>{r}</li>)}</ul>} />
      )}
      {standings.error ? <Alert type="error" showIcon title={errorText(standings.error)} className="ss-block" /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <IncompleteBanner standings={data} rounds={stage?.rounds ?? []} />
          <Card
            title={
              <Segmented
                value={shownTrack?.trackId}
                onChange={setTrack}
                options={data.tracks.map((x) => ({ value: x.trackId, label: `${x.trackName} (${x.rows.length + x.incomplete.length})` }))}
                data-testid="track-switch"
              />
            }
            styles={{ body: { padding: 0 } }}
          >
            {shownTrack ? <StandingsTable track={shownTrack} rounds={data.stage.rounds} /> : <Alert type="info" title={t('contests.standings.noRows')} />}
          </Card>
        </>
      )}
      {report && <AdvanceReportModal report={report} busy={busy} onRun={() => void advance(false)} onClose={() => setReport(null)} />}
      {scoring && stage && (
        <ScoreEntryModal
          contestId={contest.id}
          rounds={stage.rounds}
          entries={(data?.tracks ?? []).flatMap((x) => [...x.incomplete, ...x.rows]).map((r) => ({ id: r.entryId, name: r.name }))}
          initial={data?.missing[0] ? { entryId: data.missing[0].entryId, roundKey: data.missing[0].roundId } : undefined}
          onClose={() => setScoring(false)}
          onSaved={() => {
            setScoring(false);
            message.success(t('contests.score.saved'));
            setNonce((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
