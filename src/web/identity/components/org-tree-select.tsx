import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Organisation } from '../api.ts';
import { buildOrgTree, toTreeSelectData } from '../org-tree.ts';

type Props = {
  organisations: Organisation[];
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabledIds?: Set<number>;
  loading?: boolean;
  className?: string;
  id?: string;
};

/** Picks one organisation from the tree, searchable by name. Works as a Form.Item control. */
export function OrgTreeSelect({ organisations, value, onChange, placeholder, allowClear, disabledIds, loading, className, id }: Props) {
  const { t } = useI18n();
  const treeData = useMemo(() => toTreeSelectData(buildOrgTree(organisations), disabledIds), [organisations, disabledIds]);
  const rootIds = useMemo(() => treeData.map((n) => n.value), [treeData]);
  return (
    <TreeSelect
      id={id}
      className={className}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeNodeLabelProp="label"
      placeholder={placeholder ?? t('org.pick')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={rootIds}
      loading={loading}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
