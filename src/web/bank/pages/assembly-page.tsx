import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { FileDoneOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useBank, useBlueprints, usePaperSets, type BlueprintView, type PaperSetView } from '../api.ts';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { BlueprintSummary } from '../components/blueprint-summary.tsx';
import '../bank.css';

/** 组卷: the bank's saved blueprints and the paper sets built from it. */
export function AssemblyPage() {
  const { t, errorText } = useI18n();
  const bankId = Number(useParams().bankId);
  const bank = useBank(bankId);
  const blueprints = useBlueprints(bankId);
  const paperSets = usePaperSets(bankId);

  return (
    <div className="ss-page">
      <BankCrumbs bank={bank.data} trail={[{ label: t('bank.browser.assembly') }]} />
      <PageHeader
        title={t('bank.assembly.title')}
        subtitle={bank.data?.name}
        extra={
          <Link to={`/banks/${bankId}/blueprints/new`}>
            <Button type="primary" icon={<PlusOutlined />}>{t('bank.assembly.newBlueprint')}</Button>
          </Link>
        }
      />
      {blueprints.error || paperSets.error ? <Alert type="error" showIcon title={errorText(blueprints.error ?? paperSets.error)} className="ss-block" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<><ProfileOutlined /> {t('bank.assembly.blueprints')}</>} className="ss-card-fill" loading={blueprints.loading && !blueprints.data}>
            {(blueprints.data ?? []).length === 0 ? (
              <Empty description={t('bank.assembly.noBlueprints')} />
            ) : (
              <div className="ss-shortcuts">
                {(blueprints.data ?? []).map((b: BlueprintView) => (
                  <Link key={b.id} to={`/banks/${bankId}/blueprints/${b.id}`} className="ss-shortcut" data-testid={`blueprint-${b.id}`}>
                    <span className="ss-shortcut__icon">
                      <ProfileOutlined />
                    </span>
                    <span className="ss-shortcut__text">
                      <strong>{b.name}</strong>
                      <BlueprintSummary blueprint={b.blueprint} />
                    </span>
                  </Link>
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<><FileDoneOutlined /> {t('bank.assembly.paperSets')}</>} className="ss-card-fill">
            <Table<PaperSetView>
              rowKey="id"
              size="middle"
              loading={paperSets.loading}
              dataSource={paperSets.data ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description={t('bank.assembly.noPaperSets')} /> }}
              columns={[
                { title: t('bank.assembly.paperSetName'), dataIndex: 'name', render: (name: string, s) => <Link to={`/banks/${bankId}/paper-sets/${s.id}`}>{name}</Link> },
                { title: t('bank.assembly.papers'), dataIndex: 'papers', width: 90, render: (n: number) => <Tag color="blue" variant="filled">{t('bank.assembly.papersN', { n })}</Tag> },
                { title: t('bank.paper.totalScore'), key: 'score', width: 80, render: (_, s) => s.blueprint.totalScore },
                { title: t('bank.assembly.createdAt'), dataIndex: 'createdAt', width: 150, responsive: ['md'], render: (d: string) => <Typography.Text type="secondary">{dayjs(d).format('YYYY-MM-DD HH:mm')}</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
