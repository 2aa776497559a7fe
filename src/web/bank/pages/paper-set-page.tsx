import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, FileTextOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { LEVELS, useBank, usePaperSet } from '../api.ts';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { BlueprintSummary } from '../components/blueprint-summary.tsx';
import '../bank.css';

/** 试卷套: the parallel papers (A/B/C 卷) of one assembly, each with its difficulty spread and coverage. */
export function PaperSetPage() {
  const { t, errorText } = useI18n();
  const params = useParams();
  const bankId = Number(params.bankId);
  const set = usePaperSet(Number(params.setId));
  const bank = useBank(bankId);
  const data = set.data;

  return (
    <div className="ss-page">
      <BankCrumbs bank={bank.data} trail={[{ label: t('bank.browser.assembly'), to: `/banks/${bankId}/assembly` }, { label: data?.paperSet.name ?? '…' }]} />
      <PageHeader title={data?.paperSet.name ?? t('common.loading')} subtitle={data && <BlueprintSummary blueprint={data.paperSet.blueprint} />} />
      {set.error ? <Alert type="error" showIcon title={errorText(set.error)} className="ss-block" /> : null}
      {!data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Card className="ss-block">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                { key: 'papers', label: t('bank.assembly.papers'), children: t('bank.assembly.papersN', { n: data.papers.length }) },
                { key: 'score', label: t('bank.paper.totalScore'), children: data.paperSet.blueprint.totalScore },
                { key: 'seed', label: t('bank.paperSet.seed'), children: data.paperSet.seed },
                { key: 'at', label: t('bank.assembly.createdAt'), children: dayjs(data.paperSet.createdAt).format('YYYY-MM-DD HH:mm') },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            {data.papers.map((p) => {
              const total = LEVELS.reduce((n, d) => n + (p.summary.difficultyCounts[String(d)] ?? 0), 0) || 1;
              return (
                <Col xs={24} md={12} xl={8} key={p.id}>
                  <Card
                    className="ss-card-fill ss-paper-card"
                    title={
                      <span className="ss-paper-card__title">
                        <span className="ss-paper-card__badge">{p.label}</span> {t('bank.paper.label', { label: p.label })}
                      </span>
                    }
                    extra={
                      <Link to={`/banks/${bankId}/papers/${p.id}`}>
                        <Button type="primary" size="small" icon={<EyeOutlined />} data-testid={`open-paper-${p.label}`}>
                          {t('bank.paperSet.preview')}
                        </Button>
                      </Link>
                    }
                  >
                    <div className="ss-paper-card__facts">
                      <span><FileTextOutlined /> {t('bank.paper.questionsN', { n: p.questions })}</span>
                      <span>{t('bank.paper.pointsShort', { n: p.totalScore })}</span>
                    </div>
                    <Typography.Text type="secondary">{t('bank.paperSet.difficulty')}</Typography.Text>
                    <div className="ss-level-bar">
                      {LEVELS.map((d) => {
                        const n = p.summary.difficultyCounts[String(d)] ?? 0;
                        return n > 0 ? (
                          <Tooltip key={d} title={`${t(`bank.level.${d}`)}: ${n}`}>
                            <span className={`ss-level-bar__seg ss-level-bar__seg--${d}`} style={{ flexGrow: n / total }}>
                              {n}
                            </span>
                          </Tooltip>
                        ) : null;
                      })}
                    </div>
                    {p.summary.coverage.length > 0 && (
                      <div className="ss-tags ss-block-top">
                        {p.summary.coverage.map((c) => (
                          <Tag key={c.path} variant="filled">
                            {c.path} · {c.count}
                          </Tag>
                        ))}
                      </div>
                    )}
                  </Card>
                </Col>
              );
            })}
          </Row>
        </>
      )}
    </div>
  );
}
