import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Radio, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { actOnAppeal, type AppealView } from '../api.ts';
import { AppealStatus, AppealTrail } from './appeal-trail.tsx';
import './mock.css';

type Decision = { type: 'uphold' | 'change'; note: string; newMark?: number };

/** 申诉处理 (organisers): the exam's appeals, open ones first; start the review, then uphold or change the mark with a reason; every step stays in the trail. */
export function AppealQueue({ appeals, loading, onChanged }: { appeals: AppealView[]; loading: boolean; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<AppealView | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Decision>();
  const type = Form.useWatch('type', form);
  const act = async (a: AppealView, body: Parameters<typeof actOnAppeal>[1]) => {
    try {
      await actOnAppeal(a.id, body);
      onChanged();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const decide = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    setSaving(true);
    if (await act(deciding, v.type === 'change' ? { type: 'change', note: v.note, newMark: v.newMark } : { type: 'uphold', note: v.note })) setDeciding(null);
    setSaving(false);
  };
  const order = (a: AppealView) => (a.status === 'filed' ? 0 : a.status === 'under-review' ? 1 : 2);
  const rows = [...appeals].sort((a, b) => order(a) - order(b) || a.id - b.id);
  const pending = appeals.filter((a) => order(a) < 2).length;

  return (
    <Card size="small" title={t('exams.appeal.queue')} extra={pending > 0 && <Tag color="gold">{t('exams.appeal.pending', { n: pending })}</Tag>} data-testid="appeal-queue">
      <Table<AppealView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        expandable={{ expandedRowRender: (a) => <AppealTrail appeal={a} />, rowExpandable: () => true }}
        columns={[
          { title: t('exams.appeal.candidate'), render: (_, a) => <span>{a.candidateName} <small className="ss-exam-muted">{a.employeeNo}</small></span> },
          { title: t('exams.results.appealItem'), width: 90, render: (_, a) => (a.itemId === null ? t('exams.results.wholeAttempt') : t('exams.appeal.item', { n: a.itemNumber ?? a.itemId })) },
          { title: t('exams.results.appealReason'), dataIndex: 'reason', render: (v: string) => <span className="ss-stem-cell" title={v}>{v}</span> },
          { title: t('exams.results.score'), width: 110, render: (_, a) => `${a.originalMark}${a.finalMark !== null && a.finalMark !== a.originalMark ? ` → ${a.finalMark}` : ''}` },
          { title: t('exams.field.status'), width: 110, render: (_, a) => <AppealStatus status={a.status} /> },
          { title: t('exams.appeal.updated'), width: 120, render: (_, a) => dayjs(a.updatedAt).format('MM-DD HH:mm') },
          {
            title: t('common.actions'),
            width: 150,
            render: (_, a) =>
              a.status === 'filed' ? (
                <Button size="small" onClick={() => void act(a, { type: 'start-review' })} data-testid="appeal-start-review">{t('exams.results.startReview')}</Button>
              ) : a.status === 'under-review' ? (
                <Button size="small" type="primary" onClick={() => { form.setFieldsValue({ type: 'uphold', note: '', newMark: a.originalMark }); setDeciding(a); }} data-testid="appeal-decide">{t('exams.appeal.decide')}</Button>
              ) : (
                <span className="ss-exam-muted">{t('exams.appeal.done')}</span>
              ),
          },
        ]}
      />
      <Modal open={deciding !== null} title={`${t('exams.appeal.decide')} · ${deciding?.candidateName ?? ''}`} confirmLoading={saving} onOk={() => void decide()} onCancel={() => setDeciding(null)} destroyOnHidden forceRender>
        {deciding && <p className="ss-appeal__reason">{deciding.reason}</p>}
        <Form form={form} layout="vertical">
          <Form.Item name="type">
            <Radio.Group optionType="button" options={[{ value: 'uphold', label: t('exams.results.uphold') }, { value: 'change', label: t('exams.appeal.change') }]} />
          </Form.Item>
          {type === 'change' && (
            <Form.Item name="newMark" label={t('exams.appeal.newMark')} rules={[{ required: true }]}>
              <InputNumber min={0} step={0.5} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('exams.appeal.note')} rules={[{ required: true, whitespace: true, message: t('exams.appeal.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
