import { useMemo } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { ORG_KINDS, defaultKindAtDepth } from '../../../server/identity/engine/org-tree.ts';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { createOrganisation, moveOrganisation, updateOrganisation, type OrgKind, type Organisation } from '../api.ts';
import { subtreeIds } from '../org-tree.ts';
import { OrgTreeSelect } from './org-tree-select.tsx';

export type OrgEditMode =
  | { kind: 'create'; parent: Organisation }
  | { kind: 'rename'; org: Organisation }
  | { kind: 'kind'; org: Organisation }
  | { kind: 'move'; org: Organisation };

type Values = { name?: string; kind?: OrgKind; parentId?: number };
type Props = { mode: OrgEditMode; organisations: Organisation[]; onClose: () => void; onSaved: (org?: Organisation) => void };

/** One dialog for the four changes to the tree: a new child, a new name, a new kind, a new parent. */
export function OrgEditModal({ mode, organisations, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useAction();
  const kindOptions = ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }));
  const blocked = useMemo(() => (mode.kind === 'move' ? subtreeIds(organisations, mode.org.id) : undefined), [mode, organisations]);

  const initial: Values =
    mode.kind === 'create'
      ? { kind: defaultKindAtDepth(mode.parent.depth + 1) }
      : mode.kind === 'move'
        ? { parentId: mode.org.parentId ?? undefined }
        : { name: mode.org.name, kind: mode.org.kind as OrgKind };

  const title = {
    create: t('org.createChildOf', { name: mode.kind === 'create' ? mode.parent.name : '' }),
    rename: t('org.rename'),
    kind: t('org.changeKind'),
    move: t('org.moveTitle', { name: mode.kind === 'create' ? '' : mode.org.name }),
  }[mode.kind];

  const save = (values: Values) =>
    run(
      async () => {
        let saved: Organisation | undefined;
        if (mode.kind === 'create') saved = await createOrganisation({ parentId: mode.parent.id, name: values.name!.trim(), kind: values.kind });
        else if (mode.kind === 'rename') saved = await updateOrganisation(mode.org.id, { name: values.name!.trim() });
        else if (mode.kind === 'kind') saved = await updateOrganisation(mode.org.id, { kind: values.kind });
        else saved = await moveOrganisation(mode.org.id, values.parentId!);
        onSaved(saved && typeof saved === 'object' && 'id' in saved ? saved : undefined);
      },
      (e) => {
        if (!isApiError(e) || !e.field || !['name', 'kind', 'parentId'].includes(e.field)) return false;
        form.setFields([{ name: e.field as keyof Values, errors: [errorText(e)] }]);
        return true;
      },
    );

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" data-testid="org-edit-error" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} requiredMark={false}>
        {(mode.kind === 'create' || mode.kind === 'rename') && (
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, max: 60, message: t('org.nameRequired') }]}>
            <Input autoFocus maxLength={60} />
          </Form.Item>
        )}
        {(mode.kind === 'create' || mode.kind === 'kind') && (
          <Form.Item name="kind" label={t('org.kind')}>
            <Select options={kindOptions} />
          </Form.Item>
        )}
        {mode.kind === 'move' && (
          <>
            <Typography.Paragraph type="secondary">{t('org.moveHint', { path: mode.org.path })}</Typography.Paragraph>
            <Form.Item name="parentId" label={t('org.newParent')} rules={[{ required: true, message: t('org.pick') }]}>
              <OrgTreeSelect organisations={organisations} disabledIds={blocked} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
