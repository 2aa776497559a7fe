import { useParams } from 'react-router-dom';
import { Alert, Card, Col, Empty, Row, Skeleton, Tag } from 'antd';
import { EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MessageKey } from '../../shared/i18n/zh-cn.ts';
import { useVenues, type Contest } from '../api.ts';
import { ContestFrame } from '../components/contest-frame.tsx';
import '../contests.css';

/** 赛场: every stage's main venue and branch venues at once, with their rounds and people. */
export function VenuesPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="venues">
      {(c) => <Venues contest={c} />}
    </ContestFrame>
  );
}

function Venues({ contest }: { contest: Contest }) {
  const { t, errorText } = useI18n();
  const venues = useVenues(contest.id);
  if (venues.error) return <Alert type="error" showIcon title={errorText(venues.error)} />;
  if (!venues.data) return <Skeleton active />;
  const roundName = (id: string) => contest.definition.stages.flatMap((s) => s.rounds).find((r) => r.id === id)?.name ?? id;
  return (
    <>
      {venues.data.stages.map((s) => {
        const list = venues.data!.items.filter((v) => v.stageKey === s.id);
        return (
          <Card key={s.id} title={s.name} className="ss-block" extra={<span className="ss-muted">{t('contests.venues.summary', { venues: s.venues, people: s.people })}</span>}>
            {list.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contests.venues.empty')} />
            ) : (
              <Row gutter={[12, 12]}>
                {list.map((v) => (
                  <Col xs={24} md={v.role === 'main' ? 24 : 12} xl={v.role === 'main' ? 12 : 6} key={v.id}>
                    <div className={`ss-venue ss-venue--${v.role}`} data-testid={`venue-${v.id}`}>
                      <div className="ss-venue__head">
                        <Tag color={v.role === 'main' ? 'gold' : 'blue'} variant="filled">{t(`contests.venues.${v.role}`)}</Tag>
                        <strong>{v.name}</strong>
                        <Tag>{t(`contests.venues.mode.${v.mode}` as MessageKey)}</Tag>
                      </div>
                      {v.address && <div className="ss-muted"><EnvironmentOutlined /> {v.address}</div>}
                      <div className="ss-venue__rounds">{v.roundKeys.map((k) => <Tag key={k} variant="filled">{roundName(k)}</Tag>)}</div>
                      <div className="ss-muted"><TeamOutlined /> {v.people.length > 0 ? v.people.map((p) => `${p.name}（${t(`contests.venues.role.${p.role}` as MessageKey)}）`).join('、') : t('contests.venues.noPeople')}</div>
                    </div>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        );
      })}
    </>
  );
}
