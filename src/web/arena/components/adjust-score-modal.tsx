import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Standing } from '../api.ts';

type Values = { unitId: string; delta: number; reason: string };
type Props = { open: boolean; units: Standing[]; onClose: () => void; onSubmit: (v: Values) => Promise<boolean> };

/** Adds or deducts points with a reason, which goes into the event log. */
export function AdjustScoreModal({ open, units, onClose, onSubmit }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={open}
      title={t('arena.host.adjust')}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then(async (v) => {
          if (await onSubmit(v)) {
            form.resetFields();
            onClose();
          }
        })
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="unitId" label={t('arena.host.adjustUnit')} rules={[{ required: true }]}>
          <Select options={units.map((u) => ({ value: u.unitId, label: `${u.name}（${u.score}）` }))} />
        </Form.Item>
        <Form.Item name="delta" label={t('arena.host.adjustDelta')} rules={[{ required: true }, { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('≠ 0'))) }]}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('arena.host.adjustReason')} rules={[{ required: true, whitespace: true, message: t('arena.host.adjustReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
