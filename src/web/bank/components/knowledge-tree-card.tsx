import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Input, Modal, Space, Tooltip, Tree } from 'antd';
import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { createKnowledgePoint, deleteKnowledgePoint, type KnowledgePoint } from '../api.ts';
import { buildKpTree, type KpNode } from '../question-draft.ts';

type Props = {
  bankId: number;
  items: KnowledgePoint[];
  total: number | undefined;
  canManage: boolean;
  loading: boolean;
  /** the selected path, or undefined for the whole bank */
  selected: string | undefined;
  onSelect: (path: string | undefined) => void;
  onChanged: () => void;
};

type TreeItem = { key: string; title: React.ReactNode; children: TreeItem[] };

const ALL = '__all__';

function toItems(nodes: KpNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.path,
    title: (
      <span className="ss-kp-node">
        <span className="ss-kp-node__name">{n.name}</span>
        <span className="ss-kp-node__count">{n.questionCount}</span>
      </span>
    ),
    children: toItems(n.children),
  }));
}

/** The bank's knowledge-point tree with question counts; picking a node filters the table to its subtree. */
export function KnowledgeTreeCard({ bankId, items, total, canManage, loading, selected, onSelect, onChanged }: Props) {
  const { t, errorText } = useI18n();
  const { modal, message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const treeData = useMemo<TreeItem[]>(
    () => [
      {
        key: ALL,
        title: (
          <span className="ss-kp-node ss-kp-node--all">
            <span className="ss-kp-node__name">{t('bank.kp.all')}</span>
            <span className="ss-kp-node__count">{total ?? ''}</span>
          </span>
        ),
        children: toItems(buildKpTree(items)),
      },
    ],
    [items, total, t],
  );
  const node = items.find((k) => k.path === selected);

  const add = async () => {
    setBusy(true);
    try {
      await createKnowledgePoint(bankId, { parentId: node?.id ?? null, name: name.trim() });
      message.success(t('bank.kp.added', { name: name.trim() }));
      setAdding(false);
      setName('');
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = (kp: KnowledgePoint) =>
    modal.confirm({
      title: t('bank.kp.removeConfirm', { path: kp.path }),
      content: t('bank.kp.removeHint'),
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteKnowledgePoint(bankId, kp.id);
          onSelect(undefined);
          onChanged();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Card
      className="ss-card-fill ss-kp-card"
      title={<><ApartmentOutlined /> {t('bank.kp.title')}</>}
      loading={loading && items.length === 0}
      extra={
        canManage && (
          <Space size={4}>
            <Tooltip title={node ? t('bank.kp.addUnder', { path: node.path }) : t('bank.kp.addTop')}>
              <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => setAdding(true)} aria-label={t('bank.kp.add')} />
            </Tooltip>
            <Tooltip title={node ? (node.questionCount > 0 ? t('bank.kp.inUse') : t('common.remove')) : t('bank.kp.pickToRemove')}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={!node || node.questionCount > 0} onClick={() => node && remove(node)} aria-label={t('common.remove')} />
            </Tooltip>
          </Space>
        )
      }
    >
      {items.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bank.kp.empty')} />
      ) : (
        <Tree<TreeItem>
          className="ss-kp-tree"
          blockNode
          showLine
          defaultExpandedKeys={[ALL]}
          treeData={treeData}
          selectedKeys={[selected ?? ALL]}
          onSelect={(keys) => {
            const key = keys[0] as string | undefined;
            if (key !== undefined) onSelect(key === ALL ? undefined : key);
          }}
        />
      )}
      <Modal
        open={adding}
        title={node ? t('bank.kp.addUnder', { path: node.path }) : t('bank.kp.addTop')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim() || /[/／\\]/.test(name) }}
        confirmLoading={busy}
        onOk={() => void add()}
        onCancel={() => setAdding(false)}
      >
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder={t('bank.kp.namePlaceholder')} onPressEnter={() => name.trim() && void add()} autoFocus />
      </Modal>
    </Card>
  );
}
