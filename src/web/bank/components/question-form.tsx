import { useMemo } from 'react';
import { Form, Input, InputNumber, Radio, Rate, Segmented, Select, TreeSelect } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { TYPES, type KnowledgePoint, type QuestionInput, type QuestionStatus, type QuestionType } from '../api.ts';
import { buildKpTree, changeType, isChoice, isJudged, kpTreeSelectData } from '../question-draft.ts';
import { AttachmentsField } from './attachments-field.tsx';
import { ChoiceOptionsField } from './choice-options-field.tsx';
import { FillBlanksField } from './fill-blanks-field.tsx';

export type FieldErrors = Partial<Record<string, string>>;

type Props = {
  value: QuestionInput;
  onChange: (next: QuestionInput) => void;
  errors: FieldErrors;
  knowledgePoints: KnowledgePoint[];
  tracks: { value: string; label: string }[];
  readOnly: boolean;
  /** lets the attachments field upload media into this bank */
  bankId?: number;
};

const STATUSES: QuestionStatus[] = ['draft', 'active', 'retired'];

/** Every field of a question, controlled, with the server's complaint shown under the field it names. */
export function QuestionForm({ value, onChange, errors, knowledgePoints, tracks, readOnly, bankId }: Props) {
  const { t } = useI18n();
  const kpData = useMemo(() => kpTreeSelectData(buildKpTree(knowledgePoints)), [knowledgePoints]);
  const set = (patch: Partial<QuestionInput>) => onChange({ ...value, ...patch });
  const item = (field: string) => ({ validateStatus: errors[field] ? ('error' as const) : undefined, help: errors[field] });

  return (
    <Form layout="vertical" disabled={readOnly} className="ss-question-form" requiredMark={false}>
      <Form.Item label={t('bank.field.type')} {...item('type')}>
        <Segmented<QuestionType>
          className="ss-type-switch"
          value={value.type}
          disabled={readOnly}
          onChange={(type) => onChange(changeType(value, type))}
          options={TYPES.map((type) => ({ value: type, label: t(`bank.type.${type}`) }))}
          data-testid="type-switch"
        />
      </Form.Item>
      <Form.Item label={t('bank.field.stem')} {...item('stem')}>
        <Input.TextArea
          value={value.stem}
          onChange={(e) => set({ stem: e.target.value })}
          autoSize={{ minRows: value.type === 'case' || value.type === 'scenario' ? 5 : 3, maxRows: 14 }}
          placeholder={t(`bank.editor.stemPlaceholder.${value.type === 'fill' ? 'fill' : 'other'}`)}
          data-testid="stem-input"
        />
      </Form.Item>
      {isChoice(value.type) && (
        <Form.Item
          label={t('bank.editor.optionsAndAnswer')}
          validateStatus={errors.options || errors.answer ? 'error' : undefined}
          help={[errors.options, errors.answer].filter(Boolean).join('；') || undefined}
        >
          <ChoiceOptionsField value={value} onChange={onChange} />
        </Form.Item>
      )}
      {value.type === 'truefalse' && (
        <Form.Item label={t('bank.field.answer')} {...item('answer')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={value.answer.kind === 'truefalse' ? value.answer.value : undefined}
            onChange={(e) => set({ answer: { kind: 'truefalse', value: e.target.value as boolean } })}
            options={[
              { value: true, label: t('bank.answer.true') },
              { value: false, label: t('bank.answer.false') },
            ]}
          />
        </Form.Item>
      )}
      {value.type === 'fill' && (
        <Form.Item label={t('bank.editor.blanks')} {...item('answer')}>
          <FillBlanksField value={value} onChange={onChange} />
        </Form.Item>
      )}
      {isJudged(value.type) && (
        <Form.Item label={t('bank.editor.reference')} {...item('answer')}>
          <Input.TextArea
            value={value.answer.kind === 'text' ? value.answer.reference : ''}
            onChange={(e) => set({ answer: { kind: 'text', reference: e.target.value } })}
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={t('bank.editor.referencePlaceholder')}
          />
        </Form.Item>
      )}
      {(value.type === 'scenario' || value.attachments.length > 0) && (
        <Form.Item label={t('bank.field.attachments')} {...item('attachments')}>
          <AttachmentsField value={value.attachments} onChange={(attachments) => set({ attachments })} bankId={bankId} />
        </Form.Item>
      )}
      <div className="ss-form-grid">
        <Form.Item label={t('bank.field.track')} {...item('track')}>
          <Select allowClear value={value.track ?? undefined} onChange={(v?: string) => set({ track: v ?? null })} options={tracks} placeholder={t('bank.field.trackAny')} />
        </Form.Item>
        <Form.Item label={t('bank.field.knowledgePoints')} {...item('knowledgePoints')}>
          <TreeSelect
            multiple
            allowClear
            value={value.knowledgePoints}
            onChange={(v: string[]) => set({ knowledgePoints: v })}
            treeData={kpData}
            treeDefaultExpandAll
            treeNodeLabelProp="value"
            showSearch={{ treeNodeFilterProp: 'value' }}
            placeholder={t('bank.editor.kpPlaceholder')}
            popupMatchSelectWidth={false}
            styles={{ popup: { root: { minWidth: 260, maxHeight: 400, overflow: 'auto' } } }}
          />
        </Form.Item>
        <Form.Item label={t('bank.field.difficulty')} {...item('difficulty')}>
          <span className="ss-rate-field">
            <Rate value={value.difficulty} onChange={(d) => d > 0 && set({ difficulty: d })} />
            <span>{t(`bank.level.${value.difficulty as 1 | 2 | 3 | 4 | 5}`)}</span>
          </span>
        </Form.Item>
        <Form.Item label={t('bank.field.score')} {...item('score')}>
          <InputNumber min={0.5} max={1000} step={1} value={value.score} onChange={(v) => set({ score: v ?? 0 })} suffix={t('bank.unit.points')} className="ss-block-input" />
        </Form.Item>
      </div>
      <Form.Item label={t('bank.field.explanation')} {...item('explanation')}>
        <Input.TextArea value={value.explanation} onChange={(e) => set({ explanation: e.target.value })} autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <div className="ss-form-grid">
        <Form.Item label={t('bank.field.source')} {...item('source')}>
          <Input value={value.source} onChange={(e) => set({ source: e.target.value })} maxLength={500} />
        </Form.Item>
        <Form.Item label={t('bank.field.externalKey')} {...item('externalKey')}>
          <Input value={value.externalKey ?? ''} onChange={(e) => set({ externalKey: e.target.value || null })} maxLength={100} />
        </Form.Item>
      </div>
      <Form.Item label={t('bank.field.status')} {...item('status')}>
        <Radio.Group optionType="button" value={value.status} onChange={(e) => set({ status: e.target.value as QuestionStatus })} options={STATUSES.map((s) => ({ value: s, label: t(`bank.status.${s}`) }))} />
      </Form.Item>
    </Form>
  );
}
