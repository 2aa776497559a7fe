import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useExams, type ExamView } from '../api.ts';
import { MockExamsCard } from '../components/mock-exams-card.tsx';
import '../exams.css';

const STATUS_COLOR: Record<string, string> = { draft: 'default', published: 'processing', archived: 'default' };

/** 笔试: the exams in my organisations, with candidates and submissions, and the way to each exam's proctoring, marking and results; below, the mock exams (模拟考) declared for practice. */
export function ExamListPage() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const exams = useExams();
  return (
    <div className="ss-page" data-testid="exam-list">
      <PageHeader
        title={t('exams.list.title')}
        subtitle={t('exams.list.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/exams/new')}>
            {t('exams.list.create')}
          </Button>
        }
      />
      {exams.error ? <Alert type="error" showIcon title={errorText(exams.error)} className="ss-block" /> : null}
      <Card>
        <Table<ExamView>
          rowKey="id"
          loading={exams.loading}
          dataSource={exams.data ?? []}
          pagination={false}
          columns={[
            { title: t('exams.field.title'), dataIndex: 'title', render: (v: string, e) => <Link to={`/exams/${e.id}/results`}>{v}</Link> },
            { title: t('exams.field.organisation'), dataIndex: 'organisationName' },
            { title: t('exams.field.window'), render: (_, e) => `${dayjs(e.opensAt).format('MM-DD HH:mm')} – ${dayjs(e.closesAt).format('MM-DD HH:mm')}` },
            { title: t('exams.field.duration'), dataIndex: 'durationMinutes', render: (v: number) => t('exams.take.minutes', { n: v }) },
            { title: t('exams.field.status'), dataIndex: 'status', render: (v: string, e) => <Space size={4}><Tag color={STATUS_COLOR[v]}>{t(`exams.status.${v as 'draft'}`)}</Tag>{e.resultsReleasedAt && <Tag color="success">{t('exams.state.released')}</Tag>}</Space> },
            { title: t('exams.list.candidates'), render: (_, e) => `${e.submitted} / ${e.candidates}` },
            {
              title: t('common.actions'),
              render: (_, e) => (
                <Space size={2} wrap>
                  <Button size="small" type="link" onClick={() => navigate(`/exams/${e.id}/proctor`)}>{t('exams.list.proctor')}</Button>
                  <Button size="small" type="link" onClick={() => navigate(`/exams/${e.id}/marking`)}>{t('exams.list.marking')}</Button>
                  <Button size="small" type="link" onClick={() => navigate(`/exams/${e.id}/results`)}>{t('exams.list.results')}</Button>
                  <Button size="small" type="link" onClick={() => navigate(`/exams/${e.id}/edit`)}>{t('common.edit')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <MockExamsCard />
    </div>
  );
}
