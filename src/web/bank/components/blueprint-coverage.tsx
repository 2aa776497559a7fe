import { useMemo } from 'react';
import { Button, InputNumber, Select, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Blueprint, KnowledgePoint, QuestionType } from '../api.ts';
import { buildKpTree, kpTreeSelectData } from '../question-draft.ts';

type Rule = NonNullable<Blueprint['coverage']>[number];
type Props = { rules: Rule[]; knowledgePoints: KnowledgePoint[]; types: QuestionType[]; onChange: (rules: Rule[]) => void };

/** 知识点覆盖: each row asks for at least `min` questions on a knowledge point (or under it), optionally of one type. */
export function BlueprintCoverage({ rules, knowledgePoints, types, onChange }: Props) {
  const { t } = useI18n();
  const treeData = useMemo(() => kpTreeSelectData(buildKpTree(knowledgePoints)), [knowledgePoints]);
  const counts = useMemo(() => new Map(knowledgePoints.map((k) => [k.path, k.questionCount])), [knowledgePoints]);
  const set = (i: number, patch: Partial<Rule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className="ss-coverage" data-testid="coverage-editor">
      {rules.length === 0 && <Typography.Paragraph type="secondary">{t('bank.blueprint.noCoverage')}</Typography.Paragraph>}
      {rules.map((r, i) => (
        <div key={i} className="ss-coverage__row">
          <TreeSelect
            value={r.path || undefined}
            onChange={(path: string) => set(i, { path })}
            treeData={treeData}
            treeDefaultExpandAll
            treeNodeLabelProp="value"
            showSearch={{ treeNodeFilterProp: 'value' }}
            placeholder={t('bank.blueprint.pickPath')}
            className="ss-coverage__path"
            popupMatchSelectWidth={false}
          />
          <Select<QuestionType | ''>
            value={r.type ?? ''}
            onChange={(type) => set(i, { type: type || undefined })}
            options={[{ value: '', label: t('bank.blueprint.anyType') }, ...types.map((type) => ({ value: type, label: t(`bank.type.${type}`) }))]}
            className="ss-coverage__type"
          />
          <InputNumber min={0} max={1000} precision={0} value={r.min} onChange={(v) => set(i, { min: v ?? 0 })} prefix="≥" className="ss-coverage__min" />
          <Typography.Text type="secondary" className="ss-coverage__have">{r.path ? t('bank.blueprint.inBank', { n: counts.get(r.path) ?? 0 }) : ''}</Typography.Text>
          <Button type="text" icon={<DeleteOutlined />} onClick={() => onChange(rules.filter((_, j) => j !== i))} aria-label={t('common.remove')} />
        </div>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} block onClick={() => onChange([...rules, { path: '', min: 1 }])}>
        {t('bank.blueprint.addCoverage')}
      </Button>
    </div>
  );
}
