import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Drawer, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { exportUrl, releaseResults, useAppeals, useCandidateReport, useExam, useRankings, useResults, type Rankings } from '../api.ts';
import { AppealQueue } from '../components/appeal-queue.tsx';
import { ItemAnalysisPanel } from '../components/item-analysis-panel.tsx';
import { formatResponse } from '../format-response.ts';
import '../exams.css';

type By = 'overall' | 'track' | 'organisation';

/** 成绩与分析: rankings (overall, per track, per province), one candidate's report, item analysis, appeals, release and export. */
export function ExamResultsPage() {
  const examId = Number(useParams().examId);
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const exam = useExam(examId);
  const results = useResults(examId);
  const [by, setBy] = useState<By>('overall');
  const rankings = useRankings(examId, by);
  const appeals = useAppeals(examId);
  const [reportId, setReportId] = useState<number | null>(null);
  const report = useCandidateReport(reportId);
  const summary = results.data?.summary;

  const release = () => releaseResults(examId, true).then(() => { exam.reload(); results.reload(); message.success(t('exams.results.released')); }, (e: unknown) => message.error(errorText(e)));

  return (
    <div className="ss-page" data-testid="exam-results">
      <PageHeader
        title={exam.data?.title ?? t('exams.results.title')}
        subtitle={summary && t('exams.results.summary', { sat: summary.sat, candidates: summary.candidates, mean: summary.mean?.toFixed(1) ?? '—', max: summary.max ?? '—' })}
        extra={
          <Space>
            {exam.data && !exam.data.resultsReleasedAt && <Button onClick={() => void release()}>{t('exams.results.release')}</Button>}
            <Button type="primary" icon={<DownloadOutlined />} href={exportUrl(examId)}>{t('exams.results.export')}</Button>
          </Space>
        }
      />
      {results.error ? <Alert type="error" showIcon title={errorText(results.error)} className="ss-block" /> : null}
      <Tabs
        defaultActiveKey={new URLSearchParams(location.search).get('tab') ?? 'rankings'}
        items={[
          {
            key: 'rankings',
            label: t('exams.results.rankings'),
            children: (
              <>
                <Segmented className="ss-block" value={by} onChange={(v) => setBy(v as By)} options={(['overall', 'track', 'organisation'] as const).map((v) => ({ value: v, label: t(`exams.results.by.${v}`) }))} />
                {(rankings.data?.groups ?? []).map((g) => (
                  <Card key={g.group} size="small" className="ss-block" title={`${g.group} · ${t('exams.results.sat', { sat: g.sat, candidates: g.candidates })}`}>
                    <Table<Rankings['groups'][number]['rows'][number]>
                      rowKey="personId"
                      size="small"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={g.rows}
                      onRow={(r) => ({ onClick: () => setReportId(results.data?.items.find((x) => x.personId === r.personId)?.attemptId ?? null), style: { cursor: 'pointer' } })}
                      columns={[
                        { title: t('exams.results.rank'), dataIndex: 'rank', width: 70 },
                        { title: t('exams.field.candidate'), dataIndex: 'name' },
                        { title: t('exams.field.organisation'), dataIndex: 'organisationName' },
                        { title: t('exams.results.score'), render: (_, r) => `${r.score} / ${r.maxScore ?? '—'}` },
                        { title: t('exams.proctor.violationsCol'), dataIndex: 'violations', render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0) },
                      ]}
                    />
                  </Card>
                ))}
              </>
            ),
          },
          { key: 'analysis', label: t('exams.results.analysis'), children: <ItemAnalysisPanel examId={examId} results={results.data} /> },
          {
            key: 'appeals',
            label: t('exams.results.appeals', { n: appeals.data?.length ?? 0 }),
            children: <AppealQueue appeals={appeals.data ?? []} loading={appeals.loading} onChanged={() => { appeals.reload(); results.reload(); }} />,
          },
        ]}
      />
      <Drawer open={reportId !== null} size="large" title={t('exams.results.report')} onClose={() => setReportId(null)}>
        {report.data && (
          <>
            <p>{t('exams.results.reportScore', { score: report.data.score ?? '—', max: report.data.maxScore ?? '—' })}</p>
            <Table size="small" rowKey="point" pagination={false} className="ss-block" dataSource={report.data.byKnowledgePoint} columns={[{ title: t('exams.results.point'), dataIndex: 'point' }, { title: t('exams.results.score'), render: (_, k) => `${k.score} / ${k.max}` }, { title: t('exams.results.items'), dataIndex: 'items' }]} />
            <Table size="small" rowKey="itemId" pagination={false} dataSource={report.data.items} columns={[{ title: '#', dataIndex: 'number' }, { title: t('exams.result.yours'), render: (_, i) => formatResponse(i.response, t) }, { title: t('exams.result.key'), render: (_, i) => formatResponse(i.answer as never, t) }, { title: t('exams.results.score'), render: (_, i) => `${i.score ?? '—'} / ${i.max}` }]} />
          </>
        )}
      </Drawer>
    </div>
  );
}
