import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Result } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { setReveal, usePanel } from '../api.ts';
import { RevealControls } from '../components/reveal-controls.tsx';
import { RevealStage } from '../components/reveal-stage.tsx';
import { useScreen } from '../use-screen.ts';
import '../judging.css';

const AUTO_MS = 2500;

/** The organiser's big screen: the same picture as the public screen, with a remote to step through it. */
export function RevealControlPage() {
  const { panelId: raw } = useParams();
  const panelId = Number(raw);
  const navigate = useNavigate();
  const { errorText } = useI18n();
  const { message } = App.useApp();
  const panel = usePanel(panelId);
  const { state, error, refresh } = useScreen(panel.data?.screenToken ?? null, 1000);
  const [auto, setAuto] = useState(false);
  const [busy, setBusy] = useState(false);
  const r = state?.reveal ?? null;
  const at = r?.screen.at ?? -1;
  const steps = r?.steps ?? 0;

  const go = async (entryId: number, step: number) => {
    setBusy(true);
    try {
      await setReveal(panelId, entryId, step);
      refresh();
    } catch (e) {
      setAuto(false);
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!auto || !r || busy) return;
    if (r.screen.done) {
      setAuto(false);
      return;
    }
    const timer = window.setTimeout(() => void go(r.entryId, at + 1), AUTO_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [auto, r?.entryId, at, busy]);

  if (panel.error) return <Result status="403" title={errorText(panel.error)} />;
  if (!panel.data || (!state && !error)) return <PageLoading full />;
  if (!state) return <Result status="error" title={errorText(error)} />;

  return (
    <RevealStage
      state={state}
      controls={
        <RevealControls
          entries={panel.data.entries.map((e) => ({ ...e, locked: e.locked || panel.data?.status === 'locked' }))}
          entryId={r?.entryId ?? null}
          at={at}
          steps={steps}
          auto={auto}
          busy={busy}
          onEntry={(id) => void go(id, -1)}
          onStep={(s) => r && void go(r.entryId, s)}
          onAuto={setAuto}
          onBack={() => navigate(`/judging/panels/${panelId}`)}
        />
      }
    />
  );
}
