import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import {
  ApartmentOutlined,
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  ReloadOutlined,
  SearchOutlined,
  TagOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { archiveOrganisation, useOrganisations, type OrgKind, type Organisation } from '../api.ts';
import { OrgEditModal, type OrgEditMode } from '../components/org-edit-modal.tsx';
import { buildOrgTree, type OrgNode } from '../org-tree.ts';

type TreeItem = { key: number; title: React.ReactNode; children: TreeItem[] };

function toTreeItems(nodes: OrgNode[], kindLabel: (k: string) => string, archivedLabel: string, filter: string): TreeItem[] {
  const out: TreeItem[] = [];
  for (const n of nodes) {
    const children = toTreeItems(n.children, kindLabel, archivedLabel, filter);
    const matches = !filter || n.name.toLowerCase().includes(filter);
    if (!matches && children.length === 0) continue;
    out.push({
      key: n.id,
      title: (
        <span className={`ss-org-node${n.archived ? ' is-archived' : ''}${filter && matches ? ' is-match' : ''}`}>
          <span className="ss-org-node__name">{n.name}</span>
          <span className="ss-org-node__kind">{kindLabel(n.kind)}</span>
          {n.archived && <Tag variant="filled">{archivedLabel}</Tag>}
        </span>
      ),
      children,
    });
  }
  return out;
}

/** 组织架构: the tree on the left, the chosen node and what can be done to it on the right. */
export function OrganisationsPage() {
  const { t, errorText } = useI18n();
  const { modal, message } = App.useApp();
  const [showArchived, setShowArchived] = useState(false);
  const orgs = useOrganisations(showArchived);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<OrgEditMode | null>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);

  const items = useMemo(() => orgs.data ?? [], [orgs.data]);
  const roots = useMemo(() => buildOrgTree(items), [items]);
  const kindLabel = (k: string) => t(`orgKind.${k as OrgKind}`);
  const treeData = useMemo(
    () => toTreeItems(roots, (k) => t(`orgKind.${k as OrgKind}`), t('org.archived'), filter.trim().toLowerCase()),
    [roots, filter, t],
  );
  const selected = items.find((o) => o.id === selectedId) ?? (selectedId === null ? roots[0] : undefined);
  const defaultExpanded = useMemo(() => items.filter((o) => o.depth <= 1).map((o) => o.id), [items]);
  const expandedKeys = filter ? items.map((o) => o.id) : (expanded ?? defaultExpanded);
  const childCount = selected ? items.filter((o) => o.parentId === selected.id).length : 0;

  const archive = (org: Organisation) =>
    modal.confirm({
      title: t('org.archiveConfirmTitle', { name: org.name }),
      content: t('org.archiveConfirmBody'),
      okText: t('org.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await archiveOrganisation(org.id);
          message.success(t('org.archived.done', { name: org.name }));
          orgs.reload();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  const onSaved = (org?: Organisation) => {
    setEditing(null);
    if (org) setSelectedId(org.id);
    if (org?.parentId) setExpanded((keys) => [...new Set([...(keys ?? defaultExpanded), org.parentId!])]);
    orgs.reload();
  };

  return (
    <div className="ss-page">
      <PageHeader
        title={t('nav.organisations')}
        subtitle={t('org.subtitle', { count: items.filter((o) => !o.archived).length })}
        extra={
          <Space wrap>
            <span className="ss-inline-switch">
              <Switch size="small" checked={showArchived} onChange={setShowArchived} /> {t('org.showArchived')}
            </span>
            <Button icon={<ReloadOutlined />} onClick={orgs.reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      {orgs.error ? <Alert type="error" showIcon title={errorText(orgs.error)} className="ss-block" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card className="ss-card-fill" title={<><ApartmentOutlined /> {t('org.tree')}</>} loading={orgs.loading && !orgs.data}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('org.searchPlaceholder')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              className="ss-block"
            />
            {treeData.length === 0 ? (
              <Empty description={t('common.noMatch')} />
            ) : (
              <Tree<TreeItem>
                className="ss-org-tree"
                blockNode
                showLine
                treeData={treeData}
                selectedKeys={selected ? [selected.id] : []}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(Number))}
                onSelect={(keys) => keys.length > 0 && setSelectedId(Number(keys[0]))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          {selected ? (
            <Card
              className="ss-card-fill"
              title={
                <span className="ss-org-detail__title">
                  {selected.name}
                  <Tag color="blue" variant="filled">{kindLabel(selected.kind)}</Tag>
                  {selected.archived && <Tag variant="filled">{t('org.archived')}</Tag>}
                </span>
              }
            >
              <Descriptions
                column={1}
                size="small"
                className="ss-block"
                items={[
                  { key: 'path', label: t('org.path'), children: <Typography.Text copyable>{selected.path}</Typography.Text> },
                  { key: 'kind', label: t('org.kind'), children: kindLabel(selected.kind) },
                  { key: 'depth', label: t('org.depth'), children: t('org.depthValue', { n: selected.depth + 1 }) },
                  { key: 'children', label: t('org.children'), children: childCount },
                  { key: 'people', label: t('nav.people'), children: <Link to={`/admin/people?organisationId=${selected.id}`}><TeamOutlined /> {t('org.viewPeople')}</Link> },
                ]}
              />
              {!selected.archived && (
                <div className="ss-action-grid">
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create', parent: selected })}>
                    {t('org.createChild')}
                  </Button>
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ kind: 'rename', org: selected })}>
                    {t('org.rename')}
                  </Button>
                  <Button icon={<TagOutlined />} onClick={() => setEditing({ kind: 'kind', org: selected })}>
                    {t('org.changeKind')}
                  </Button>
                  <Button icon={<DragOutlined />} disabled={selected.parentId === null} onClick={() => setEditing({ kind: 'move', org: selected })}>
                    {t('org.move')}
                  </Button>
                  <Button danger icon={<DeleteOutlined />} disabled={selected.parentId === null} onClick={() => archive(selected)}>
                    {t('org.archive')}
                  </Button>
                </div>
              )}
              {selected.parentId === null && <Typography.Paragraph type="secondary" className="ss-hint">{t('org.rootHint')}</Typography.Paragraph>}
            </Card>
          ) : (
            <Card className="ss-card-fill">
              <Empty description={t('org.pickHint')} />
            </Card>
          )}
        </Col>
      </Row>
      {editing && <OrgEditModal mode={editing} organisations={items} onClose={() => setEditing(null)} onSaved={onSaved} />}
    </div>
  );
}
