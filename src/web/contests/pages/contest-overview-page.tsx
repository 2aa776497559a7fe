import { Link, useParams } from 'react-router-dom';
import { Button, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { BarChartOutlined, EditOutlined, GlobalOutlined, OrderedListOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ContestFrame } from '../components/contest-frame.tsx';
import { FlowDiagram } from '../components/flow-diagram.tsx';
import { ruleText } from '../components/rule-text.ts';
import '../contests.css';

/** 赛事概览: the flow diagram (stages → rounds with weights → advancement) and the contest's facts. */
export function ContestOverviewPage() {
  const { t } = useI18n();
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="overview">
      {(c) => {
        const def = c.definition;
        return (
          <>
            <Card title={t('contests.overview.flow')} className="ss-block" extra={c.canManage && <Link to={`/contests/${c.id}/builder`}><Button size="small" icon={<EditOutlined />}>{t('contests.tab.builder')}</Button></Link>}>
              <FlowDiagram definition={def} />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card title={t('contests.overview.facts')} className="ss-card-fill">
                  <Descriptions
                    column={1}
                    size="small"
                    items={[
                      { key: 'org', label: t('contests.create.organisation'), children: c.organisationName },
                      { key: 'entrants', label: t('contests.builder.entrantKind'), children: def.entrants.kind === 'team' ? t('contests.overview.team', { n: def.entrants.size }) : t('contests.overview.individual') },
                      { key: 'tracks', label: t('contests.builder.tracks'), children: <span className="ss-tags">{def.tracks.map((tr) => <Tag key={tr.id}>{tr.name}</Tag>)}</span> },
                      { key: 'quotas', label: t('contests.builder.quotas'), children: def.quotas.length > 0 ? t('contests.overview.quotas', { n: def.quotas.length, max: Math.max(...def.quotas.map((q) => q.max)) }) : '—' },
                      ...def.stages.map((s) => ({ key: s.id, label: s.name, children: `${s.rounds.map((r) => `${r.name} ${r.role === 'decider' ? t('contests.flow.decider') : `${r.weightPercent}%`}`).join(' + ')} → ${ruleText(t, s.advancement)}` })),
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('contests.overview.shortcuts')} className="ss-card-fill">
                  <Space direction="vertical" className="ss-full-width">
                    {def.stages.map((s) => (
                      <Link key={s.id} to={`/contests/${c.id}/standings?stage=${s.id}`}>
                        <Button block icon={<OrderedListOutlined />} className="ss-shortcut-btn">{t('contests.overview.standingsOf', { stage: s.name })}</Button>
                      </Link>
                    ))}
                    {c.canManage && (
                      <Link to={`/contests/${c.id}/funnel`}>
                        <Button block icon={<BarChartOutlined />} className="ss-shortcut-btn">{t('contests.tab.funnel')}</Button>
                      </Link>
                    )}
                    <Link to={`/results/${c.id}`} target="_blank">
                      <Button block icon={<GlobalOutlined />} className="ss-shortcut-btn">{t('contests.overview.publicLink')}</Button>
                    </Link>
                  </Space>
                </Card>
              </Col>
            </Row>
          </>
        );
      }}
    </ContestFrame>
  );
}
