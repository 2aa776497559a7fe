import { useState } from 'react';
import { App, Button, Card, Cascader, Col, Form, Input, InputNumber, Modal, Radio, Row, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { OrgTreeSelect } from '../../identity/components/org-tree-select.tsx';
import { useOrganisations } from '../../identity/api.ts';
import { WeeklyBoardModal } from './weekly-board-modal.tsx';
import { declareMock, updateMock, useBanksWithBlueprints, useDeclaredMocks, type MockCadence, type MockExamView } from '../api.ts';

type Values = { name: string; organisationId: number; source: [number, number]; durationMinutes: number; attemptsPerDay: number | null; cadence: MockCadence };

/** 模拟考 (organisers): the mock exams declared in my organisations, declare one, open or close it. */
export function MockExamsCard() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const mocks = useDeclaredMocks();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const orgs = useOrganisations();
  const sources = useBanksWithBlueprints();
  const cadence = Form.useWatch('cadence', form);
  const [board, setBoard] = useState<MockExamView | null>(null);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await declareMock({ organisationId: v.organisationId, name: v.name, bankId: v.source[0], blueprintId: v.source[1], durationMinutes: v.durationMinutes, attemptsPerDay: v.cadence === 'weekly' ? null : v.attemptsPerDay ?? null, cadence: v.cadence });
      message.success(t('exams.mock.declared'));
      setOpen(false);
      form.resetFields();
      mocks.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const toggle = (m: MockExamView) => updateMock(m.id, { active: !m.active }).then(() => mocks.reload(), (e: unknown) => message.error(errorText(e)));

  return (
    <Card
      className="ss-block"
      data-testid="mock-exams-card"
      title={t('exams.mock.manage')}
      extra={<Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="mock-declare">{t('exams.mock.declare')}</Button>}
    >
      <p className="ss-exam-muted">{t('exams.mock.manageHint')}</p>
      <Table<MockExamView>
        rowKey="id"
        size="small"
        loading={mocks.loading}
        dataSource={mocks.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('exams.mock.fieldName'), dataIndex: 'name' },
          { title: t('exams.mock.cadenceShort'), dataIndex: 'cadence', render: (v: MockCadence) => (v === 'weekly' ? <Tag color="orange">{t('exams.weekly.tag')}</Tag> : <Tag>{t('exams.mock.cadenceFreeTag')}</Tag>) },
          { title: t('exams.mock.fieldOrganisation'), dataIndex: 'organisationName' },
          { title: t('exams.mock.fieldBlueprint'), render: (_, m) => `${m.bankName} · ${m.blueprintName ?? '—'}` },
          { title: t('exams.field.duration'), dataIndex: 'durationMinutes', render: (v: number) => t('exams.take.minutes', { n: v }) },
          { title: t('exams.mock.perDayShort'), dataIndex: 'attemptsPerDay', render: (v: number | null, m) => (m.cadence === 'weekly' ? t('exams.weekly.oncePerWeek') : v === null ? t('exams.mock.unlimited') : v) },
          { title: t('exams.mock.fieldAttempts'), render: (_, m) => t('exams.mock.attemptsOf', { attempts: m.attempts, learners: m.learners }) },
          { title: t('exams.field.status'), dataIndex: 'active', render: (v: boolean) => <Tag color={v ? 'processing' : 'default'}>{v ? t('exams.mock.open') : t('exams.mock.closedTag')}</Tag> },
          {
            title: t('common.actions'),
            render: (_, m) => (
              <>
                {m.cadence === 'weekly' ? <Button size="small" type="link" onClick={() => setBoard(m)} data-testid="weekly-board-open">{t('exams.weekly.boardOf')}</Button> : null}
                <Button size="small" type="link" onClick={() => void toggle(m)}>{m.active ? t('exams.mock.close') : t('exams.mock.reopen')}</Button>
              </>
            ),
          },
        ]}
      />
      {board ? <WeeklyBoardModal mock={board} onClose={() => setBoard(null)} /> : null}
      <Modal open={open} title={t('exams.mock.declare')} okText={t('exams.mock.declare')} confirmLoading={saving} onOk={() => void save()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ durationMinutes: 30, attemptsPerDay: 3, cadence: 'free' }} requiredMark="optional">
          <Form.Item name="cadence" label={t('exams.mock.fieldCadence')}>
            <Radio.Group
              className="ss-mock-cadence"
              options={[{ value: 'free', label: t('exams.mock.cadenceFree') }, { value: 'weekly', label: t('exams.mock.cadenceWeekly') }]}
              onChange={(e) => { if (e.target.value === 'weekly') form.setFieldsValue({ durationMinutes: 10 }); }}
              data-testid="mock-cadence"
            />
          </Form.Item>
          <Form.Item name="name" label={t('exams.mock.fieldName')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="organisationId" label={t('exams.mock.fieldOrganisation')} rules={[{ required: true }]}><OrgTreeSelect organisations={orgs.data ?? []} loading={orgs.loading} /></Form.Item>
          <Form.Item name="source" label={t('exams.mock.fieldBlueprint')} rules={[{ required: true }]}>
            <Cascader loading={sources.loading} options={(sources.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.organisationName}）`, children: b.blueprints.map((bp) => ({ value: bp.id, label: bp.name })) }))} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="durationMinutes" label={t('exams.mock.fieldDuration')} rules={[{ required: true }]}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item name="attemptsPerDay" label={t('exams.mock.fieldPerDay')}><InputNumber min={1} max={100} style={{ width: '100%' }} disabled={cadence === 'weekly'} /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
