import { Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { TYPES, type Blueprint, type QuestionType } from '../api.ts';
import { chineseNumeral } from '../question-draft.ts';

type Section = Blueprint['sections'][number];
type Props = { sections: Section[]; onChange: (sections: Section[]) => void };

/** 大题: type, title, count and points each per row; the subtotal and the paper's total follow. */
export function BlueprintSectionsTable({ sections, onChange }: Props) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<Section>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const total = sections.reduce((n, s) => n + s.count * s.pointsEach, 0);
  const questions = sections.reduce((n, s) => n + s.count, 0);
  const unused = TYPES.find((type) => !sections.some((s) => s.type === type)) ?? 'single';

  return (
    <div data-testid="sections-table">
      <Table<Section & { index: number }>
        rowKey="index"
        size="small"
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={sections.map((s, index) => ({ ...s, index }))}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, s) => chineseNumeral(s.index + 1) },
          {
            title: t('bank.field.type'),
            key: 'type',
            width: 130,
            render: (_, s) => <Select<QuestionType> value={s.type} onChange={(type) => set(s.index, { type })} options={TYPES.map((type) => ({ value: type, label: t(`bank.type.${type}`) }))} className="ss-full-width" />,
          },
          { title: t('bank.blueprint.sectionTitle'), key: 'title', render: (_, s) => <Input value={s.title ?? ''} placeholder={`${chineseNumeral(s.index + 1)}、${t(`bank.type.${s.type}`)}`} onChange={(e) => set(s.index, { title: e.target.value || undefined })} /> },
          {
            title: t('bank.blueprint.count'),
            key: 'count',
            width: 100,
            render: (_, s) => <InputNumber min={1} max={1000} precision={0} value={s.count} onChange={(v) => set(s.index, { count: v ?? 1 })} className="ss-full-width" data-testid={`section-count-${s.index}`} />,
          },
          {
            title: t('bank.blueprint.pointsEach'),
            key: 'points',
            width: 100,
            render: (_, s) => <InputNumber min={0.5} max={1000} step={1} value={s.pointsEach} onChange={(v) => set(s.index, { pointsEach: v ?? 1 })} className="ss-full-width" />,
          },
          { title: t('bank.blueprint.subtotal'), key: 'sub', width: 70, align: 'right', render: (_, s) => <b>{s.count * s.pointsEach}</b> },
          {
            key: 'remove',
            width: 44,
            render: (_, s) => <Button type="text" icon={<DeleteOutlined />} disabled={sections.length <= 1} onClick={() => onChange(sections.filter((_, j) => j !== s.index))} aria-label={t('common.remove')} />,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t('bank.blueprint.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{t('bank.blueprint.questionsN', { n: questions })}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong className="ss-total-score" data-testid="total-score">{total}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        )}
      />
      <Button type="dashed" icon={<PlusOutlined />} className="ss-block-top" block disabled={sections.length >= 20} onClick={() => onChange([...sections, { type: unused, count: 5, pointsEach: 1 }])}>
        {t('bank.blueprint.addSection')}
      </Button>
    </div>
  );
}
