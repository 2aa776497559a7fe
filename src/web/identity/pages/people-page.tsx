import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CloudUploadOutlined, EditOutlined, ManOutlined, UserAddOutlined, WomanOutlined } from '@ant-design/icons';
import { ROLES } from '../../../server/identity/engine/roles.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useOrganisations, usePeople, useTracks, type Gender, type PeopleQuery, type Person, type Role } from '../api.ts';
import { OrgTreeSelect } from '../components/org-tree-select.tsx';
import { PersonDrawer } from '../components/person-drawer.tsx';
import { RoleTags } from '../components/role-tags.tsx';
import { shortPath } from '../org-tree.ts';

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** Reads the list's state from the address, so a filtered list can be linked and survives a reload. */
function queryFrom(params: URLSearchParams): PeopleQuery {
  const role = params.get('role');
  const gender = params.get('gender');
  const active = params.get('active');
  return {
    q: params.get('q') ?? undefined,
    organisationId: num(params.get('organisationId')),
    trackId: num(params.get('trackId')),
    role: role && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    gender: gender === 'M' || gender === 'F' ? gender : undefined,
    active: active === 'true' || active === 'false' ? active : undefined,
    page: num(params.get('page')) ?? 1,
    pageSize: num(params.get('pageSize')) ?? 20,
  };
}

/** 人员: the people in the organiser's subtree, searched and filtered on the server, a page at a time. */
export function PeoplePage() {
  const { t, errorText, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  const people = usePeople(query);
  const orgs = useOrganisations();
  const tracks = useTracks();
  const [search, setSearch] = useState(query.q ?? '');
  const [drawer, setDrawer] = useState<{ personId: number | null } | null>(null);

  const update = (patch: Partial<Record<keyof PeopleQuery, string | number | undefined>>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Person> = [
    { title: t('field.employeeNo'), dataIndex: 'employeeNo', width: 112, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('field.name'), dataIndex: 'name', width: 96 },
    {
      title: t('field.gender'),
      dataIndex: 'gender',
      width: 72,
      render: (g: Gender | null) =>
        g === null ? '—' : (
          <span className={`ss-gender ss-gender--${g}`}>
            {g === 'M' ? <ManOutlined /> : <WomanOutlined />} {t(`gender.${g}`)}
          </span>
        ),
    },
    {
      title: t('field.organisation'),
      key: 'organisation',
      width: 230,
      ellipsis: { showTitle: false },
      render: (_, p) => (
        <Tooltip title={p.organisation.path} placement="topLeft">
          <span className="ss-org-path">{shortPath(p.organisation.path)}</span>
        </Tooltip>
      ),
    },
    { title: t('field.phone'), dataIndex: 'phone', width: 124, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: t('field.tracks'),
      key: 'tracks',
      width: 180,
      render: (_, p) => (
        <span className="ss-tags">
          {p.tracks.map((tr) => {
            const full = tracks.data?.find((x) => x.id === tr.id);
            return (
              <Tag key={tr.id} variant="outlined" color="geekblue">
                {lang === 'en' && full ? full.nameEn : tr.name}
              </Tag>
            );
          })}
        </span>
      ),
    },
    { title: t('field.roles'), key: 'roles', width: 150, render: (_, p) => <RoleTags roles={p.roles.map((r) => r.role)} /> },
    {
      title: t('field.status'),
      key: 'status',
      width: 100,
      render: (_, p) =>
        !p.active ? (
          <Badge status="default" text={t('person.inactive')} />
        ) : p.mustChangePassword ? (
          <Badge status="warning" text={t('person.mustChange')} />
        ) : (
          <Badge status="success" text={t('person.active')} />
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 84,
      fixed: 'right',
      render: (_, p) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer({ personId: p.id })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  const trackOptions = (tracks.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: lang === 'en' ? x.nameEn : x.name }));

  return (
    <div className="ss-page">
      <PageHeader
        title={t('nav.people')}
        subtitle={people.data ? t('people.total', { n: people.data.total }) : t('people.subtitle')}
        extra={
          <Space wrap>
            <Link to="/admin/people/import">
              <Button icon={<CloudUploadOutlined />}>{t('nav.import')}</Button>
            </Link>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDrawer({ personId: null })}>
              {t('people.create')}
            </Button>
          </Space>
        }
      />
      <Card className="ss-table-card">
        <div className="ss-filters">
          <Input.Search
            className="ss-filters__search"
            allowClear
            placeholder={t('people.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (e.target.value === '' && query.q) update({ q: undefined });
            }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            enterButton={t('common.search')}
            data-testid="people-search"
          />
          <OrgTreeSelect
            className="ss-filters__org"
            organisations={orgs.data ?? []}
            loading={orgs.loading}
            value={query.organisationId}
            onChange={(id) => update({ organisationId: id })}
            placeholder={t('people.filterOrg')}
            allowClear
          />
          <Select
            className="ss-filters__select"
            allowClear
            placeholder={t('people.filterTrack')}
            value={query.trackId}
            onChange={(v?: number) => update({ trackId: v })}
            options={trackOptions}
          />
          <Select
            className="ss-filters__select"
            allowClear
            placeholder={t('people.filterRole')}
            value={query.role}
            onChange={(v?: Role) => update({ role: v })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select
            className="ss-filters__select ss-filters__select--narrow"
            allowClear
            placeholder={t('people.filterGender')}
            value={query.gender}
            onChange={(v?: Gender) => update({ gender: v })}
            options={[
              { value: 'F', label: t('gender.F') },
              { value: 'M', label: t('gender.M') },
            ]}
          />
          <Select
            className="ss-filters__select ss-filters__select--narrow"
            allowClear
            placeholder={t('people.filterStatus')}
            value={query.active}
            onChange={(v?: 'true' | 'false') => update({ active: v })}
            options={[
              { value: 'true', label: t('person.active') },
              { value: 'false', label: t('person.inactive') },
            ]}
          />
        </div>
        {people.error ? <Alert type="error" showIcon title={errorText(people.error)} className="ss-block" /> : null}
        <Table<Person>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={people.data?.items ?? []}
          loading={people.loading}
          scroll={{ x: 1150 }}
          onRow={(p) => ({ onDoubleClick: () => setDrawer({ personId: p.id }) })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (n) => t('people.total', { n }),
            onChange: (page, pageSize) => update({ page: page > 1 ? page : undefined, pageSize: pageSize === 20 ? undefined : pageSize }, true),
          }}
        />
      </Card>
      {drawer && (
        <PersonDrawer
          personId={drawer.personId}
          organisations={orgs.data ?? []}
          tracks={tracks.data ?? []}
          onClose={() => setDrawer(null)}
          onChanged={people.reload}
        />
      )}
    </div>
  );
}
