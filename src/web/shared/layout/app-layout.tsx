import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context.tsx';
import { initialsOf } from '../initials.ts';
import { BrandTitle } from './brand-title.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageLoading } from './page-loading.tsx';

export type NavItem = { path: string; label: string; icon: ReactNode; group?: string };

type Props = {
  nav: NavItem[];
  user: { name: string; detail: string };
  onChangePassword: () => void;
  onSignOut: () => void;
};

/** The longest nav path that prefixes the location, so /admin/people/import lights up 导入 and not 人员. */
function selectedKey(nav: NavItem[], pathname: string): string | undefined {
  return nav
    .map((n) => n.path)
    .filter((p) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function menuItems(nav: NavItem[]): MenuProps['items'] {
  const groups = new Map<string, NavItem[]>();
  for (const n of nav) groups.set(n.group ?? '', [...(groups.get(n.group ?? '') ?? []), n]);
  const toItem = (n: NavItem) => ({ key: n.path, icon: n.icon, label: <Link to={n.path}>{n.label}</Link> });
  return [...groups.entries()].map(([group, items]) =>
    group ? { type: 'group' as const, key: `g:${group}`, label: group, children: items.map(toItem) } : { type: 'group' as const, key: 'g:', children: items.map(toItem) },
  );
}

/** Header with the brand, the language switch and the account menu; a side menu on desktop, a drawer on a phone. */
export function AppLayout({ nav, user, onChangePassword, onSignOut }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg ?? true;
  const isPhone = !(screens.sm ?? true);
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const hasMenu = nav.length > 1;
  const selected = selectedKey(nav, pathname);
  const items = useMemo(() => menuItems(nav), [nav]);

  const account: MenuProps['items'] = [
    { key: 'who', label: <div className="ss-account-who"><strong>{user.name}</strong><span>{user.detail}</span></div>, disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword'), onClick: onChangePassword },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('nav.signOut'), danger: true, onClick: onSignOut },
  ];

  const menu = (
    <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={() => setDrawerOpen(false)} className="ss-nav" />
  );

  return (
    <Layout className="ss-app">
      <Layout.Header className="ss-header">
        <div className="ss-header__left">
          {hasMenu && !isDesktop && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} />
          )}
          <Link to="/" className="ss-header__brand" aria-label={t('app.home')}>
            <BrandTitle />
          </Link>
        </div>
        <div className="ss-header__right">
          <LanguageSwitch size={isPhone ? 'small' : 'middle'} />
          <Dropdown menu={{ items: account }} trigger={['click']} placement="bottomRight">
            <Button type="text" className="ss-account" data-testid="account-menu">
              <Avatar size={30} className="ss-avatar">{initialsOf(user.name)}</Avatar>
              {!isPhone && <span className="ss-account__name">{user.name}</span>}
              <DownOutlined className="ss-account__chevron" />
            </Button>
          </Dropdown>
          {!isPhone && (
            <Button type="text" icon={<LogoutOutlined />} onClick={onSignOut} className="ss-signout">
              {t('nav.signOut')}
            </Button>
          )}
        </div>
      </Layout.Header>
      <Layout hasSider={hasMenu && isDesktop}>
        {hasMenu && isDesktop && (
          <Layout.Sider width={224} className="ss-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className={`ss-content${hasMenu ? '' : ' ss-content--single'}`}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {hasMenu && !isDesktop && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={264} title={<BrandTitle />} styles={{ body: { padding: '8px 0' } }}>
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
