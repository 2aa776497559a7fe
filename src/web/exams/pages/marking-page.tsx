import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Table, Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { fetchNextToMark, submitMark, useExam, useMarking, type MarkingOverview, type NextToMark } from '../api.ts';
import '../exams.css';

type Q = MarkingOverview['questions'][number];

/** 阅卷: blind, one question at a time; a marker never sees who wrote the answer or another marker's mark. */
export function MarkingPage() {
  const examId = Number(useParams().examId);
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const exam = useExam(examId);
  const overview = useMarking(examId);
  const [question, setQuestion] = useState<Q | null>(null);
  const [next, setNext] = useState<NextToMark | null>(null);
  const [mark, setMark] = useState<number | null>(null);

  const load = (q: Q) => {
    setQuestion(q);
    setMark(null);
    fetchNextToMark(examId, q.questionId).then(setNext, (e: unknown) => message.error(errorText(e)));
  };
  const save = async () => {
    if (!next?.item || mark === null || !question) return;
    try {
      await submitMark(examId, { responseId: next.item.responseId, mark });
      overview.reload();
      load(question);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const policy = overview.data?.policy;
  return (
    <div className="ss-page" data-testid="marking-page">
      <PageHeader title={t('exams.marking.title')} subtitle={`${exam.data?.title ?? ''}${policy?.double ? ` · ${t('exams.marking.double', { tol: policy.tolerance })}` : ''}`} />
      {overview.error ? <Alert type="error" showIcon title={errorText(overview.error)} className="ss-block" /> : null}
      <Card size="small" className="ss-block">
        <Table<Q>
          rowKey="questionId"
          size="small"
          pagination={false}
          loading={overview.loading}
          dataSource={overview.data?.questions ?? []}
          locale={{ emptyText: t('exams.marking.none') }}
          columns={[
            { title: t('exams.analysis.question'), dataIndex: 'stem', render: (v: string) => <span className="ss-stem-cell">{v}</span> },
            { title: t('exams.marking.progress'), render: (_, q) => `${q.final} / ${q.total}` },
            { title: t('exams.marking.awaiting'), render: (_, q) => <Space size={4}>{q.awaitingSecond > 0 && <Tag>{t('exams.marking.second', { n: q.awaitingSecond })}</Tag>}{q.awaitingThird > 0 && <Tag color="orange">{t('exams.marking.third', { n: q.awaitingThird })}</Tag>}</Space> },
            { title: t('common.actions'), render: (_, q) => <Button size="small" type="primary" disabled={q.final >= q.total && q.awaitingThird === 0} onClick={() => load(q)}>{t('exams.marking.start')}</Button> },
          ]}
        />
      </Card>
      {question && next && (
        <Card title={question.stem}>
          {next.item ? (
            <>
              <div className="ss-exam-muted">{t('exams.marking.reference')}</div>
              <p>{next.item.reference}</p>
              <div className="ss-exam-muted">{t('exams.marking.response', { n: next.item.remaining })}</div>
              <p className="ss-exam-intro__text">{next.item.text}</p>
              <Space>
                <InputNumber min={0} max={next.item.max} step={0.5} value={mark} onChange={(v) => setMark(v)} addonAfter={`/ ${next.item.max}`} />
                <Button type="primary" disabled={mark === null} onClick={() => void save()}>{t('exams.marking.save')}</Button>
              </Space>
            </>
          ) : (
            <Empty description={t('exams.marking.done')} />
          )}
        </Card>
      )}
    </div>
  );
}
