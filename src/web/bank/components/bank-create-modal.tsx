import { Form, Input } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { CreateInOrganisationModal } from '../../shared/list/create-in-organisation-modal.tsx';
import type { Organisation } from '../../identity/api.ts';
import { createBank, type Bank } from '../api.ts';

type Props = { organisations: Organisation[]; onClose: () => void; onCreated: (bank: Bank) => void };
type Values = { name: string; organisationId: number; description?: string };

/** 新建题库: a name and the organisation node that owns it (shared down its subtree). */
export function BankCreateModal({ organisations, onClose, onCreated }: Props) {
  const { t } = useI18n();
  return (
    <CreateInOrganisationModal<Values, Bank>
      title={t('bank.list.create')}
      organisations={organisations}
      nameField={{ name: 'name', label: t('bank.field.name'), placeholder: t('bank.field.namePlaceholder'), max: 60, requiredMessage: t('bank.field.nameRequired') }}
      organisation={{ label: t('bank.field.owner'), hint: t('bank.field.ownerHint') }}
      serverFields={['name', 'organisationId', 'description']}
      submit={(values) => createBank({ ...values, description: values.description ?? '' })}
      onClose={onClose}
      onCreated={onCreated}
    >
      <Form.Item name="description" label={t('bank.field.description')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </CreateInOrganisationModal>
  );
}
