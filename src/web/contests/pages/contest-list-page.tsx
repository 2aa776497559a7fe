import { Link, useNavigate } from 'react-router-dom';
import { Button } from 'antd';
import { FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ScopedListPage } from '../../shared/list/scoped-list-page.tsx';
import { ScopedItemCard } from '../../shared/list/scoped-item-card.tsx';
import { useSignedIn } from '../../identity/components/session-provider.tsx';
import { useContests } from '../api.ts';
import { ContestCreateModal } from '../components/contest-create-modal.tsx';
import { ContestStatusTag } from '../components/status-tag.tsx';
import '../contests.css';

/** 赛事: the contests I organise and the open ones of my organisation. */
export function ContestListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { access } = useSignedIn();
  const contests = useContests();
  return (
    <ScopedListPage
      title={t('nav.contests')}
      subtitle={t('contests.list.subtitle')}
      actions={
        <Link to="/honour-roll">
          <Button icon={<TrophyOutlined />}>{t('contests.public.honourRoll')}</Button>
        </Link>
      }
      create={
        access.canManageContests
          ? {
              label: t('contests.create.title'),
              testId: 'create-contest',
              modal: ({ organisations, close }) => <ContestCreateModal organisations={organisations} onClose={close} onCreated={(c) => navigate(`/contests/${c.id}/builder`)} />,
            }
          : undefined
      }
      items={contests}
      emptyText={t('contests.list.empty')}
      itemKey={(c) => c.id}
      renderItem={(c) => (
        <ScopedItemCard
          to={`/contests/${c.id}`}
          block="ss-contest-card"
          testId={`contest-${c.id}`}
          icon={<FlagOutlined />}
          title={c.title}
          organisationName={c.organisationName}
          tag={<ContestStatusTag status={c.status} />}
          description={c.definition.stages.map((s) => s.name).join(' → ')}
          count={
            <>
              <b>{c.definition.tracks.length}</b> {t('contests.list.tracks')} · <b>{c.definition.stages.length}</b> {t('contests.list.stages')}
            </>
          }
        />
      )}
    />
  );
}
