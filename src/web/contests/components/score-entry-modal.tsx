import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { enterScore, type RoundDef } from '../api.ts';

type Props = { contestId: number; rounds: RoundDef[]; entries: { id: number; name: string }[]; initial?: { entryId?: number; roundKey?: string }; onClose: () => void; onSaved: () => void };
type Values = { roundKey: string; entryId: number; score: number; violations?: number; note: string };

/** 手工录入: an organiser's score by hand (source 'manual', audited with the value it replaced). */
export function ScoreEntryModal({ contestId, rounds, entries, initial, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useAction();
  const submit = (v: Values) =>
    run(async () => {
      await enterScore(contestId, { ...v, violations: v.violations ?? 0, note: v.note ?? '' });
      onSaved();
    });
  return (
    <Modal open title={t('contests.score.title')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form form={form} layout="vertical" initialValues={{ ...initial, violations: 0 }} onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="entryId" label={t('contests.standings.entry')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={entries.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="roundKey" label={t('contests.score.round')} rules={[{ required: true }]}>
          <Select options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="score" label={t('contests.score.value')} rules={[{ required: true }]}>
          <InputNumber min={0} className="ss-full-width" />
        </Form.Item>
        <Form.Item name="violations" label={t('contests.score.violations')}>
          <InputNumber min={0} precision={0} className="ss-full-width" />
        </Form.Item>
        <Form.Item name="note" label={t('contests.score.note')} extra={t('contests.score.audited')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
