import type { ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';
import { isApiError } from '../api.ts';
import { useAction } from '../use-action.ts';
import { OrgTreeSelect } from '../../identity/components/org-tree-select.tsx';
import type { Organisation } from '../../identity/api.ts';

type Values = { organisationId: number } & Record<string, unknown>;

type Props<V extends Values, T> = {
  title: string;
  organisations: Organisation[];
  /** the required name field, first in the form */
  nameField: { name: keyof V & string; label: string; placeholder: string; max: number; requiredMessage: string; testId?: string };
  organisation: { label: string; hint: string };
  /** further fields after the organisation picker */
  children?: ReactNode;
  /** fields whose server errors show under the field itself; any other error shows above the form */
  serverFields?: (keyof V & string)[];
  submit: (values: V) => Promise<T>;
  onClose: () => void;
  onCreated: (created: T) => void;
};

/** 新建…: a name and the organisation node that owns the new thing, then whatever the domain adds. */
export function CreateInOrganisationModal<V extends Values, T>({ title, organisations, nameField, organisation, children, serverFields = [], submit, onClose, onCreated }: Props<V, T>) {
  const { t, errorText } = useI18n();
  // untyped: antd cannot resolve field paths of a generic V, and the fields are named by props anyway
  const [form] = Form.useForm();
  const { busy, error, run } = useAction();

  const onFinish = (values: V) =>
    run(
      async () => onCreated(await submit(values)),
      (e) => {
        const field = isApiError(e) ? serverFields.find((f) => f === e.field) : undefined;
        if (field) form.setFields([{ name: field, errors: [errorText(e)] }]);
        return Boolean(field);
      },
    );

  return (
    <Modal open title={title} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form form={form} layout="vertical" onFinish={(v: V) => void onFinish(v)} requiredMark={false}>
        <Form.Item name={nameField.name as string} label={nameField.label} rules={[{ required: true, whitespace: true, max: nameField.max, message: nameField.requiredMessage }]}>
          <Input placeholder={nameField.placeholder} autoFocus data-testid={nameField.testId} />
        </Form.Item>
        <Form.Item name="organisationId" label={organisation.label} extra={organisation.hint} rules={[{ required: true, message: t('org.pick') }]}>
          <OrgTreeSelect organisations={organisations} />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}
