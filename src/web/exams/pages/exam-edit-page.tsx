import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { addCandidates, createExam, setExamStatus, updateExam, useExam, type ExamInput } from '../api.ts';
import { ExamForm, type ExamFormValues } from '../components/exam-form.tsx';
import '../exams.css';

/** 新建/编辑笔试: the form, then the candidate list; a draft until published. */
export function ExamEditPage() {
  const id = Number(useParams().examId) || null;
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const exam = useExam(id);
  const [form] = Form.useForm<ExamFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (id && !exam.data) return exam.error ? <Alert type="error" showIcon title={errorText(exam.error)} /> : <PageLoading />;
  const e = exam.data;
  const s = e?.settings;
  const initial: Partial<ExamFormValues> = {
    title: e?.title, organisationId: e?.organisationId, window: e ? [dayjs(e.opensAt), dayjs(e.closesAt)] : [dayjs().add(1, 'hour').startOf('hour'), dayjs().add(1, 'day').startOf('hour')],
    durationMinutes: e?.durationMinutes ?? 60, attemptsAllowed: e?.attemptsAllowed ?? 1, instructions: e?.instructions ?? '', paperMode: e?.paperMode ?? 'parallel', paperSetId: e?.paperSetId ?? undefined, paperId: e?.paperId ?? undefined,
    candidateOrgIds: [], tracks: [], employeeNos: '',
    results: s?.release.results ?? 'manual', answers: s?.release.answers ?? 'with-results', multiple: s?.grading.multiple ?? 'all-or-nothing', doubleMarking: s?.marking.double ?? false, tolerance: s?.marking.tolerance ?? 0,
    fullscreenRequired: s?.proctoring.fullscreenRequired ?? false, autoSubmitAfter: s?.proctoring.autoSubmitAfter ?? null, snapshotIntervalSec: s?.proctoring.snapshotIntervalSec ?? null,
  };

  const save = async (publish: boolean) => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body: ExamInput = {
        title: v.title, organisationId: v.organisationId, opensAt: v.window[0].toISOString(), closesAt: v.window[1].toISOString(), durationMinutes: v.durationMinutes, attemptsAllowed: v.attemptsAllowed, instructions: v.instructions ?? '',
        paperMode: v.paperMode, ...(v.paperMode === 'shuffled' ? { paperId: v.paperId } : { paperSetId: v.paperSetId }),
        settings: { release: { results: v.results, answers: v.answers }, grading: { multiple: v.multiple }, marking: { double: v.doubleMarking, tolerance: v.tolerance }, proctoring: { fullscreenRequired: v.fullscreenRequired, autoSubmitAfter: v.autoSubmitAfter ?? null, snapshotIntervalSec: v.snapshotIntervalSec ?? null } },
      };
      const { organisationId: _org, ...patch } = body;
      const saved = id ? await updateExam(id, patch) : await createExam(body);
      const employeeNos = (v.employeeNos ?? '').split(/[\s,，;；]+/).filter(Boolean);
      if (v.candidateOrgIds?.length || v.tracks?.length || employeeNos.length) await addCandidates(saved.id, { organisationIds: v.candidateOrgIds, tracks: v.tracks, employeeNos });
      if (publish) await setExamStatus(saved.id, 'published');
      message.success(t('common.saved'));
      navigate('/exams');
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="ss-page ss-page--medium">
      <PageHeader title={id ? t('exams.form.editTitle') : t('exams.form.newTitle')} subtitle={e ? t(`exams.status.${e.status as 'draft'}`) : undefined} />
      {error ? <Alert type="error" showIcon title={errorText(error)} className="ss-block" /> : null}
      <Card>
        <ExamForm form={form} initial={initial} />
        <Space>
          <Button loading={saving} onClick={() => void save(false)}>{t('common.save')}</Button>
          {e?.status !== 'published' && <Button type="primary" loading={saving} onClick={() => void save(true)}>{t('exams.form.saveAndPublish')}</Button>}
        </Space>
      </Card>
    </div>
  );
}
