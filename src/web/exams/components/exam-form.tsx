import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { OrgTreeSelect } from '../../identity/components/org-tree-select.tsx';
import { useOrganisations } from '../../identity/api.ts';
import { usePaperSets, usePapersOfSet } from '../api.ts';

export type ExamFormValues = {
  title: string; organisationId: number; window: [Dayjs, Dayjs]; durationMinutes: number; attemptsAllowed: number; instructions: string;
  paperSetId: number; paperMode: 'shuffled' | 'parallel'; paperId?: number;
  candidateOrgIds: number[]; tracks: string[]; employeeNos: string;
  results: 'immediate' | 'manual'; answers: 'never' | 'after-close' | 'with-results'; multiple: 'all-or-nothing' | 'partial'; doubleMarking: boolean; tolerance: number;
  fullscreenRequired: boolean; autoSubmitAfter: number | null; snapshotIntervalSec: number | null;
};

/** The exam's settings: window, duration, candidates, paper source, instructions, attempts, release, grading and proctoring. */
export function ExamForm({ form, initial }: { form: FormInstance<ExamFormValues>; initial: Partial<ExamFormValues> }) {
  const { t } = useI18n();
  const orgs = useOrganisations();
  const sets = usePaperSets();
  const setId = Form.useWatch('paperSetId', form) as number | undefined;
  const mode = Form.useWatch('paperMode', form) as string | undefined;
  const papers = usePapersOfSet(setId ?? null);
  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
      <Row gutter={16}>
        <Col xs={24} md={12}><Form.Item name="title" label={t('exams.field.title')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="organisationId" label={t('exams.field.organisation')} rules={[{ required: true }]}><OrgTreeSelect organisations={orgs.data ?? []} loading={orgs.loading} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="window" label={t('exams.field.window')} rules={[{ required: true }]}><DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="durationMinutes" label={t('exams.field.duration')} rules={[{ required: true }]}><InputNumber min={1} max={1440} addonAfter={t('exams.form.min')} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="attemptsAllowed" label={t('exams.field.attempts')}><InputNumber min={1} max={20} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="paperSetId" label={t('exams.field.paperSet')} rules={[{ required: true }]}><Select loading={sets.loading} options={(sets.data ?? []).map((s) => ({ value: s.id, label: `${s.bankName} · ${s.name}` }))} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="paperMode" label={t('exams.field.paperMode')}><Select options={[{ value: 'parallel', label: t('exams.form.parallel') }, { value: 'shuffled', label: t('exams.form.shuffled') }]} /></Form.Item></Col>
        {mode === 'shuffled' && <Col xs={12} md={8}><Form.Item name="paperId" label={t('exams.field.paper')} rules={[{ required: true }]}><Select loading={papers.loading} options={(papers.data ?? []).map((p) => ({ value: p.id, label: `${p.label} · ${p.totalScore}` }))} /></Form.Item></Col>}
        <Col span={24}><Form.Item name="instructions" label={t('exams.field.instructions')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="candidateOrgIds" label={t('exams.form.candidatesByOrg')}><Select mode="multiple" optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="tracks" label={t('exams.form.candidatesByTrack')}><Select mode="tags" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="employeeNos" label={t('exams.form.candidatesByList')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('exams.form.listHint')} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="results" label={t('exams.form.results')}><Select options={[{ value: 'manual', label: t('exams.form.manual') }, { value: 'immediate', label: t('exams.form.immediate') }]} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="answers" label={t('exams.form.answers')}><Select options={(['never', 'after-close', 'with-results'] as const).map((v) => ({ value: v, label: t(`exams.form.answers.${v}`) }))} /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="multiple" label={t('exams.form.multiple')}><Select options={[{ value: 'all-or-nothing', label: t('exams.form.allOrNothing') }, { value: 'partial', label: t('exams.form.partial') }]} /></Form.Item></Col>
        <Col xs={6} md={3}><Form.Item name="doubleMarking" label={t('exams.form.double')} valuePropName="checked"><Switch /></Form.Item></Col>
        <Col xs={6} md={3}><Form.Item name="tolerance" label={t('exams.form.tolerance')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={8} md={6}><Form.Item name="fullscreenRequired" label={t('exams.form.fullscreen')} valuePropName="checked"><Switch /></Form.Item></Col>
        <Col xs={8} md={6}><Form.Item name="autoSubmitAfter" label={t('exams.form.autoSubmitAfter')}><InputNumber min={1} max={100} placeholder={t('exams.form.never')} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={8} md={6}><Form.Item name="snapshotIntervalSec" label={t('exams.form.snapshotEvery')}><InputNumber min={5} max={3600} placeholder={t('exams.form.noCamera')} addonAfter="s" style={{ width: '100%' }} /></Form.Item></Col>
      </Row>
    </Form>
  );
}
