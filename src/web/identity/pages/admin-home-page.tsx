import { Suspense, lazy, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, ArrowRightOutlined, CloudUploadOutlined, FlagOutlined, TeamOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useOrganisations, usePeopleTotals, useTracks } from '../api.ts';
import { useSignedIn } from '../components/session-provider.tsx';
import { OverviewTodo } from '../components/overview-todo.tsx';

const BarChart = lazy(() => import('../../shared/charts/bar-chart.tsx'));

/** The organiser's landing page: what needs them now, how big the managed part of the tree is, and the way to the common tasks. */
export function AdminHomePage() {
  const { t, lang } = useI18n();
  const { me } = useSignedIn();
  const orgs = useOrganisations();
  const tracks = useTracks();
  const activeTracks = useMemo(() => (tracks.data ?? []).filter((x) => x.active), [tracks.data]);
  const totals = usePeopleTotals(activeTracks.map((x) => x.id));
  const live = (orgs.data ?? []).filter((o) => !o.archived);
  const scopes = me.roles.filter((g) => g.role === 'platform_admin' || g.role === 'organiser');
  const byKind = useMemo(() => {
    const m = new Map<string, number>();
    for (const o of live) m.set(o.kind, (m.get(o.kind) ?? 0) + 1);
    return m;
  }, [live]);

  const chart = useMemo(() => {
    const rows = activeTracks.map((x) => ({ label: lang === 'en' ? x.nameEn : x.name, value: totals.data?.perTrack.find((p) => p.trackId === x.id)?.total ?? 0 }));
    return { labels: rows.map((r) => r.label), values: rows.map((r) => r.value) };
  }, [activeTracks, totals.data, lang]);

  const shortcuts = [
    { to: '/admin/organisations', icon: <ApartmentOutlined />, title: t('nav.organisations'), body: t('dashboard.orgsBody') },
    { to: '/admin/people', icon: <TeamOutlined />, title: t('nav.people'), body: t('dashboard.peopleBody') },
    { to: '/admin/people/import', icon: <CloudUploadOutlined />, title: t('nav.import'), body: t('dashboard.importBody') },
  ];

  return (
    <div className="ss-page">
      <PageHeader
        title={t('dashboard.greeting', { name: me.person.name })}
        subtitle={
          <span className="ss-scope-line">
            {t('dashboard.scope')}
            {scopes.map((g) => (
              <Tag key={g.id} color={g.role === 'platform_admin' ? 'magenta' : 'blue'} variant="filled">
                {t(`role.${g.role}`)} · {g.organisationName}
              </Tag>
            ))}
          </span>
        }
      />
      <OverviewTodo />
      <Row gutter={[16, 16]} className="ss-block">
        <Col xs={12} md={6}>
          <Card className="ss-kpi">
            <Statistic title={t('dashboard.people')} value={totals.data?.total ?? '—'} prefix={<TeamOutlined />} loading={totals.loading && !totals.data} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card className="ss-kpi">
            <Statistic title={t('dashboard.organisations')} value={orgs.data ? live.length : '—'} prefix={<ApartmentOutlined />} loading={orgs.loading && !orgs.data} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card className="ss-kpi">
            <Statistic title={t('dashboard.provinces')} value={orgs.data ? (byKind.get('province') ?? 0) : '—'} prefix={<FlagOutlined />} loading={orgs.loading && !orgs.data} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card className="ss-kpi">
            <Statistic title={t('dashboard.teams')} value={orgs.data ? (byKind.get('team') ?? 0) : '—'} prefix={<TeamOutlined />} loading={orgs.loading && !orgs.data} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.byTrack')} className="ss-card-fill">
            {activeTracks.length === 0 && !tracks.loading ? (
              <Empty description={t('dashboard.noTracks')} />
            ) : totals.data ? (
              <Suspense fallback={<Skeleton active />}>
                <BarChart labels={chart.labels} values={chart.values} height={Math.max(180, chart.labels.length * 52)} />
              </Suspense>
            ) : (
              <Skeleton active />
            )}
            <Typography.Paragraph type="secondary" className="ss-hint">{t('dashboard.byTrackNote')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.shortcuts')} className="ss-card-fill">
            <div className="ss-shortcuts">
              {shortcuts.map((s) => (
                <Link key={s.to} to={s.to} className="ss-shortcut">
                  <span className="ss-shortcut__icon">{s.icon}</span>
                  <span className="ss-shortcut__text">
                    <strong>{s.title}</strong>
                    <small>{s.body}</small>
                  </span>
                  <ArrowRightOutlined className="ss-shortcut__arrow" />
                </Link>
              ))}
            </div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
