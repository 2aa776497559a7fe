import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Dropdown, Row, Space } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useTracks } from '../../identity/api.ts';
import { exportUrl, TYPES, useBank, useKnowledgePoints, useQuestionDistribution, useQuestions, type QuestionQuery, type QuestionStatus, type QuestionType } from '../api.ts';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { DistributionCharts } from '../components/distribution-charts.tsx';
import { KnowledgeTreeCard } from '../components/knowledge-tree-card.tsx';
import { QuestionFilters } from '../components/question-filters.tsx';
import { QuestionTable } from '../components/question-table.tsx';
import '../bank.css';

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** Reads the filters from the address, so a filtered view can be linked and survives a reload. */
function queryFrom(params: URLSearchParams): QuestionQuery {
  const type = params.get('type');
  const status = params.get('status');
  return {
    type: type && (TYPES as readonly string[]).includes(type) ? (type as QuestionType) : undefined,
    track: params.get('track') ?? undefined,
    difficulty: num(params.get('difficulty')),
    status: status === 'active' || status === 'draft' || status === 'retired' ? (status as QuestionStatus) : undefined,
    knowledgePoint: params.get('kp') ?? undefined,
    q: params.get('q') ?? undefined,
    page: num(params.get('page')) ?? 1,
    pageSize: num(params.get('pageSize')) ?? 20,
  };
}

/** 题库浏览: knowledge points on the left, the filtered questions and their spread on the right. */
export function BankBrowserPage() {
  const { t, errorText, lang } = useI18n();
  const bankId = Number(useParams().bankId);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  const { page, pageSize, ...filters } = query;
  const bank = useBank(bankId);
  const kps = useKnowledgePoints(bankId);
  const questions = useQuestions(bankId, query);
  const distribution = useQuestionDistribution(bankId, filters);
  const tracks = useTracks();
  const canManage = bank.data?.canManage ?? false;

  const update = (patch: Record<string, string | number | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const trackOptions = (tracks.data ?? []).filter((x) => x.active).map((x) => ({ value: x.name, label: lang === 'en' ? x.nameEn : x.name }));
  const exportItems = [
    { key: 'xlsx', label: <a href={exportUrl(bankId, 'xlsx')} download>{t('bank.browser.exportXlsx')}</a> },
    { key: 'moodle', label: <a href={exportUrl(bankId, 'moodle')} download>{t('bank.browser.exportMoodle')}</a> },
  ];

  return (
    <div className="ss-page">
      <BankCrumbs bank={bank.data} />
      <PageHeader
        title={bank.data?.name ?? t('common.loading')}
        subtitle={bank.data ? t('bank.browser.subtitle', { org: bank.data.organisationName, n: bank.data.questionCount }) : undefined}
        extra={
          <Space wrap>
            <Link to={`/banks/${bankId}/assembly`}>
              <Button icon={<ProfileOutlined />} data-testid="open-assembly">{t('bank.browser.assembly')}</Button>
            </Link>
            <Dropdown menu={{ items: exportItems }} trigger={['click']}>
              <Button icon={<DownloadOutlined />}>{t('bank.browser.export')}</Button>
            </Dropdown>
            {canManage && (
              <Link to={`/banks/${bankId}/import`}>
                <Button icon={<CloudUploadOutlined />}>{t('bank.browser.import')}</Button>
              </Link>
            )}
            {canManage && (
              <Link to={`/banks/${bankId}/questions/new`}>
                <Button type="primary" icon={<PlusOutlined />}>{t('bank.browser.newQuestion')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      {bank.error ? <Alert type="error" showIcon title={errorText(bank.error)} className="ss-block" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <KnowledgeTreeCard
            bankId={bankId}
            items={kps.data ?? []}
            total={bank.data?.questionCount}
            canManage={canManage}
            loading={kps.loading}
            selected={query.knowledgePoint}
            onSelect={(path) => update({ kp: path })}
            onChanged={kps.reload}
          />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <DistributionCharts data={distribution.data} loading={distribution.loading} />
          <Card className="ss-table-card">
            <QuestionFilters value={filters} tracks={trackOptions} onChange={(patch) => update(patch)} />
            {questions.error ? <Alert type="error" showIcon title={errorText(questions.error)} className="ss-block" /> : null}
            <QuestionTable
              bankId={bankId}
              items={questions.data?.items ?? []}
              total={questions.data?.total ?? 0}
              page={page}
              pageSize={pageSize}
              loading={questions.loading}
              onPage={(p, size) => update({ page: p > 1 ? p : undefined, pageSize: size === 20 ? undefined : size }, true)}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
