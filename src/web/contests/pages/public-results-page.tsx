import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Card, Empty, Select, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { posterUrl, usePublicResults } from '../api.ts';
import { AwardBoard } from '../components/award-board.tsx';
import { PublicShell } from '../components/public-shell.tsx';
import '../contests.css';

/** 结果公示 (/results/:contestId): the current or a named published version, readable by anyone, no sign-in. */
export function PublicResultsPage() {
  const { t, errorText } = useI18n();
  const contestId = Number(useParams().contestId);
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const results = usePublicResults(contestId, version);
  const r = results.data;
  const notPublished = isApiError(results.error) && results.error.status === 404;
  return (
    <PublicShell title={r?.title ?? t('contests.public.title')} subtitle={r ? `${r.organisationName} · ${t('contests.public.title')}` : undefined}>
      {results.loading && !r ? (
        <Card><Skeleton active /></Card>
      ) : notPublished ? (
        <Card data-testid="results-not-published"><Empty description={t('contests.public.notPublished')} /></Card>
      ) : results.error ? (
        <Alert type="error" showIcon title={errorText(results.error)} />
      ) : r ? (
        <>
          <div className="ss-public__version" data-testid="results-version">
            <Tag color={r.current ? 'success' : 'warning'} variant="filled">{r.current ? t('contests.public.current') : t('contests.public.older')}</Tag>
            <span>{t('contests.public.publishedAt', { version: r.version, time: dayjs(r.publishedAt).format('YYYY-MM-DD HH:mm') })}</span>
            {r.versions.length > 1 && (
              <Select
                size="small"
                value={r.version}
                onChange={(v) => setParams({ version: String(v) })}
                options={r.versions.map((v) => ({ value: v.version, label: t('contests.awards.version', { n: v.version }) }))}
              />
            )}
          </div>
          {!r.current && <Alert type="warning" showIcon className="ss-block" title={t('contests.public.olderHint')} />}
          <Card><AwardBoard awards={r.awards} posterHref={(a) => posterUrl(r.contestId, a, r.version)} /></Card>
        </>
      ) : null}
    </PublicShell>
  );
}
