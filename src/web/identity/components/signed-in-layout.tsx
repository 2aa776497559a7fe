import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  ApartmentOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EditOutlined,
  FlagOutlined,
  HomeOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { AppLayout, type NavItem } from '../../shared/layout/app-layout.tsx';
import { useSignedIn } from './session-provider.tsx';

/** The menu follows the roles from /api/auth/me: a person with several roles sees every entry that applies. */
export function SignedInLayout() {
  const { t } = useI18n();
  const { me, access, signOut } = useSignedIn();
  const navigate = useNavigate();

  const nav = useMemo<NavItem[]>(() => {
    const items: NavItem[] = [];
    if (access.isContestant) items.push({ path: '/me', label: t('nav.contestantHome'), icon: <HomeOutlined />, group: t('nav.group.mine') });
    if (access.isContestant) items.push({ path: '/arena/mine', label: t('arena.mine.title'), icon: <ThunderboltOutlined />, group: t('nav.group.mine') });
    if (access.canJudge) items.push({ path: '/judge', label: t('nav.judging'), icon: <StarOutlined />, group: t('nav.group.mine') });
    if (access.hasWorkspace) items.push({ path: '/workspace', label: t('nav.workspace'), icon: <SolutionOutlined />, group: t('nav.group.mine') });
    if (access.canManagePeople) {
      const group = t('nav.group.manage');
      items.push(
        { path: '/admin', label: t('nav.dashboard'), icon: <DashboardOutlined />, group },
        { path: '/admin/organisations', label: t('nav.organisations'), icon: <ApartmentOutlined />, group },
        { path: '/admin/people', label: t('nav.people'), icon: <TeamOutlined />, group },
        { path: '/admin/people/import', label: t('nav.import'), icon: <CloudUploadOutlined />, group },
      );
    }
    if (access.canManageJudging) items.push({ path: '/judging', label: t('nav.judging'), icon: <StarOutlined />, group: t('nav.group.manage') });
    if (access.canSeeContests) items.push({ path: '/contests', label: t('nav.contests'), icon: <FlagOutlined />, group: t(access.canManageContests ? 'nav.group.manage' : 'nav.group.mine') });
    if (access.canRunArena) items.push({ path: '/arena', label: t('nav.arena'), icon: <ThunderboltOutlined />, group: access.canManagePeople ? t('nav.group.manage') : t('nav.group.mine') });
    if (access.canManageExams) items.push({ path: '/exams', label: t('nav.exams'), icon: <EditOutlined />, group: t('nav.group.manage') });
    if (access.canManageBanks) items.push({ path: '/banks', label: t('nav.banks'), icon: <DatabaseOutlined />, group: t('nav.group.manage') });
    return items;
  }, [access, t]);

  const roleNames = [...access.roles].map((r) => t(`role.${r}`)).join(' · ');
  return (
    <AppLayout
      nav={nav}
      user={{ name: me.person.name, detail: `${me.person.employeeNo}${roleNames ? ` · ${roleNames}` : ''}` }}
      onChangePassword={() => navigate('/account/password')}
      onSignOut={() => {
        void signOut().then(() => navigate('/sign-in', { replace: true }));
      }}
    />
  );
}
