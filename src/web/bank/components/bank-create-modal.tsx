import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { isApiError } from '../../shared/api.ts';
import { OrgTreeSelect } from '../../identity/components/org-tree-select.tsx';
import type { Organisation } from '../../identity/api.ts';
import { createBank, type Bank } from '../api.ts';

type Props = { organisations: Organisation[]; onClose: () => void; onCreated: (bank: Bank) => void };
type Values = { name: string; organisationId: number; description?: string };

/** 新建题库: a name and the organisation node that owns it (shared down its subtree). */
export function BankCreateModal({ organisations, onClose, onCreated }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await createBank({ ...values, description: values.description ?? '' }));
    } catch (e) {
      if (isApiError(e) && e.field && ['name', 'organisationId', 'description'].includes(e.field)) {
        form.setFields([{ name: e.field as keyof Values, errors: [errorText(e)] }]);
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('bank.list.create')} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="name" label={t('bank.field.name')} rules={[{ required: true, whitespace: true, max: 60, message: t('bank.field.nameRequired') }]}>
          <Input placeholder={t('bank.field.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item name="organisationId" label={t('bank.field.owner')} extra={t('bank.field.ownerHint')} rules={[{ required: true, message: t('org.pick') }]}>
          <OrgTreeSelect organisations={organisations} />
        </Form.Item>
        <Form.Item name="description" label={t('bank.field.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
