import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { saveRubricToLibrary, type RubricView } from '../api.ts';

type Props = { rubric: RubricView; organisations: { id: number; name: string }[]; onClose: () => void };
type Values = { organisationId: number; nameZh: string; name: string };

/** 存入细则库: keep a contest's rubric in the library of an organisation the organiser manages. */
export function SaveToLibraryModal({ rubric, organisations, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useAction();
  const save = (v: Values) =>
    run(async () => {
      const r = await saveRubricToLibrary(rubric.id, { organisationId: v.organisationId, nameZh: v.nameZh.trim(), name: v.name.trim() });
      void message.success(t('judging.library.saved', { name: r.nameZh, organisation: r.organisationName }));
      onClose();
    });
  return (
    <Modal open title={t('judging.library.saveTitle')} okText={t('judging.library.save')} okButtonProps={{ loading: busy }} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ organisationId: organisations[0]?.id, nameZh: rubric.nameZh, name: rubric.name }}>
        <Form.Item name="organisationId" label={t('judging.library.organisation')} rules={[{ required: true }]}>
          <Select options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <LibraryNameFields />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** A library rubric's two names (Chinese and English), as the save and edit dialogs ask for them. */
export function LibraryNameFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="nameZh" label={t('judging.library.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('judging.library.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input />
      </Form.Item>
    </>
  );
}
