import { useParams } from 'react-router-dom';
import { Result } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { RevealStage } from '../components/reveal-stage.tsx';
import { useScreen } from '../use-screen.ts';
import '../judging.css';

/** Public big screen opened by its token (no sign-in): shows what the organiser has revealed so far. */
export function ScreenPage() {
  const { token = '' } = useParams();
  const { t, errorText } = useI18n();
  const { state, error } = useScreen(token);
  if (!state && error) return <Result status="404" title={t('judging.reveal.noScreen')} subTitle={errorText(error)} />;
  if (!state) return <PageLoading full />;
  return <RevealStage state={state} />;
}
