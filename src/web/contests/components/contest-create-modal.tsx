import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { OrgTreeSelect } from '../../identity/components/org-tree-select.tsx';
import type { Organisation } from '../../identity/api.ts';
import { createContest, type Contest } from '../api.ts';
import { templateDefinition } from './definition-edit.ts';

type Props = { organisations: Organisation[]; onClose: () => void; onCreated: (c: Contest) => void };
type Values = { title: string; organisationId: number };

/** 新建赛事: a title and the owning node; the rules are edited next, in the builder. */
export function ContestCreateModal({ organisations, onClose, onCreated }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await createContest({ ...values, definition: templateDefinition() }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('contests.create.title')} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="title" label={t('contests.builder.title')} rules={[{ required: true, whitespace: true, max: 200, message: t('contests.create.titleRequired') }]}>
          <Input placeholder={t('contests.create.titlePlaceholder')} autoFocus data-testid="contest-title-input" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('contests.create.organisation')} extra={t('contests.create.organisationHint')} rules={[{ required: true, message: t('org.pick') }]}>
          <OrgTreeSelect organisations={organisations} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
