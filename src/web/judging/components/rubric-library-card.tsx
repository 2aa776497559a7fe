import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { updateLibraryRubric, useLibrary, type Criterion, type LibraryRubricView } from '../api.ts';
import { LibraryNameFields } from './save-to-library-modal.tsx';

/**
 * The organisation rubric library (评分细则库) the organiser sees: their organisations' and
 * their ancestors'. Those over the owner rename it, change weights, archive or restore it;
 * contests already copied from it keep their own copy.
 */
export function RubricLibraryCard() {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const [showArchived, setShowArchived] = useState(false);
  const library = useLibrary(nonce, showArchived);
  const [editing, setEditing] = useState<LibraryRubricView | null>(null);
  const named = (x: { name: string; nameZh: string }) => (lang === 'en' ? x.name : x.nameZh);

  const archive = async (r: LibraryRubricView, archived: boolean) => {
    try {
      await updateLibraryRubric(r.id, { archived });
      setNonce((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Card
      size="small"
      className="ss-block-top"
      title={t('judging.library.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('judging.library.showArchived')}</Typography.Text>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} />
        </Space>
      }
    >
      {Boolean(library.error) && <Alert type="error" showIcon title={errorText(library.error)} className="ss-block" />}
      <Table<LibraryRubricView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={library.loading}
        dataSource={library.data?.items ?? []}
        locale={{ emptyText: t('judging.library.empty') }}
        columns={[
          { title: t('judging.library.nameZh'), render: (_, r) => named(r) },
          { title: t('judging.library.organisation'), dataIndex: 'organisationName' },
          {
            title: t('judging.library.criteria'),
            render: (_, r) => (
              <div className="ss-tags">
                {r.criteria.map((c) => (
                  <Tag key={c.key}>{`${named(c)} ×${c.weight}`}</Tag>
                ))}
              </div>
            ),
          },
          { title: t('judging.library.maxTotal'), align: 'right', dataIndex: 'maxTotal' },
          { title: t('field.status'), render: (_, r) => (r.archived ? <Tag>{t('judging.library.archived')}</Tag> : <Tag color="success">{t('judging.library.active')}</Tag>) },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.editable ? (
                <Space>
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('judging.library.edit')}
                  </Button>
                  {r.archived ? (
                    <Button size="small" onClick={() => void archive(r, false)}>
                      {t('judging.library.restore')}
                    </Button>
                  ) : (
                    <Popconfirm title={t('judging.library.archiveConfirm')} onConfirm={() => void archive(r, true)}>
                      <Button size="small">{t('judging.library.archive')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {editing && (
        <EditLibraryModal
          rubric={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) setNonce((n) => n + 1);
          }}
        />
      )}
    </Card>
  );
}

type Values = { nameZh: string; name: string; weights: number[] };

/** Rename a library rubric and change its criteria's weights (the server checks them like a contest rubric's). */
function EditLibraryModal({ rubric, onClose }: { rubric: LibraryRubricView; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useAction();
  const save = (v: Values) =>
    run(async () => {
      const criteria: Criterion[] = rubric.criteria.map((c, i) => ({ ...c, weight: v.weights[i] ?? c.weight }));
      await updateLibraryRubric(rubric.id, { nameZh: v.nameZh.trim(), name: v.name.trim(), criteria });
      onClose(true);
    });
  return (
    <Modal open title={t('judging.library.editTitle')} okButtonProps={{ loading: busy }} onCancel={() => onClose(false)} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ nameZh: rubric.nameZh, name: rubric.name, weights: rubric.criteria.map((c) => c.weight) }}>
        <LibraryNameFields />
        {rubric.criteria.map((c, i) => (
          <Form.Item key={c.key} name={['weights', i]} label={`${lang === 'en' ? c.name : c.nameZh} · ${t('judging.rubric.weight')}`} rules={[{ required: true }]}>
            <InputNumber min={0.1} max={100} step={0.5} />
          </Form.Item>
        ))}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
