import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Skeleton } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MessageKey } from '../../shared/i18n/zh-cn.ts';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useSignedIn } from '../../identity/components/session-provider.tsx';
import { useContest, type Contest } from '../api.ts';
import { ContestStatusTag } from './status-tag.tsx';
import { StatusActions } from './status-actions.tsx';

export type ContestTab = 'overview' | 'builder' | 'register' | 'screening' | 'standings' | 'bracket' | 'funnel' | 'venues' | 'awards';

const MANAGE_TABS: ContestTab[] = ['overview', 'builder', 'screening', 'standings', 'bracket', 'funnel', 'venues', 'awards'];

type Props = { contestId: number; tab: ContestTab; subtitle?: ReactNode; extra?: (c: Contest) => ReactNode; children: (c: Contest, reload: () => void) => ReactNode };

/** Every contest page: the crumbs, the title with its status (and its transitions for a manager), the tab row. */
export function ContestFrame({ contestId, tab, subtitle, extra, children }: Props) {
  const { t, errorText } = useI18n();
  const contest = useContest(contestId);
  const c = contest.data;
  const { access } = useSignedIn();
  const readTabs: ContestTab[] = ['overview', ...(access.isContestant ? (['register'] as const) : []), ...(access.roles.has('reviewer') ? (['screening'] as const) : []), 'standings', 'bracket'];
  const tabs = c?.canManage ? MANAGE_TABS : readTabs;
  return (
    <div className="ss-page">
      <Breadcrumb
        className="ss-crumbs"
        items={[{ key: 'contests', title: <Link to="/contests">{t('nav.contests')}</Link> }, { key: 'c', title: c ? <Link to={`/contests/${contestId}`}>{c.title}</Link> : '…' }, { key: 'tab', title: t(`contests.tab.${tab}` as MessageKey) }]}
      />
      {contest.error ? <Alert type="error" showIcon title={errorText(contest.error)} className="ss-block" /> : null}
      {!c ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <PageHeader
            title={
              <span className="ss-contest-title">
                {c.title} <ContestStatusTag status={c.status} />
              </span>
            }
            subtitle={subtitle ?? c.organisationName}
            extra={
              <>
                {extra?.(c)}
                {c.canManage && tab === 'overview' ? <StatusActions contest={c} onChanged={contest.reload} /> : null}
              </>
            }
          />
          <nav className="ss-contest-tabs" aria-label={t('contests.tabsLabel')}>
            {tabs.map((k) => (
              <Link key={k} to={k === 'overview' ? `/contests/${contestId}` : `/contests/${contestId}/${k}`} className={k === tab ? 'is-active' : undefined} data-testid={`contest-tab-${k}`}>
                {t(`contests.tab.${k}` as MessageKey)}
              </Link>
            ))}
          </nav>
          {children(c, contest.reload)}
        </>
      )}
    </div>
  );
}
