import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { ApartmentOutlined, FlagOutlined, PlusOutlined, RightOutlined, TrophyOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useOrganisations } from '../../identity/api.ts';
import { useSignedIn } from '../../identity/components/session-provider.tsx';
import { useContests } from '../api.ts';
import { ContestCreateModal } from '../components/contest-create-modal.tsx';
import { ContestStatusTag } from '../components/status-tag.tsx';
import '../contests.css';

/** 赛事: the contests I organise and the open ones of my organisation. */
export function ContestListPage() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const { access } = useSignedIn();
  const contests = useContests();
  const [creating, setCreating] = useState(false);
  const orgs = useOrganisations();
  return (
    <div className="ss-page">
      <PageHeader
        title={t('nav.contests')}
        subtitle={t('contests.list.subtitle')}
        extra={
          <>
            <Link to="/honour-roll">
              <Button icon={<TrophyOutlined />}>{t('contests.public.honourRoll')}</Button>
            </Link>
            {access.canManageContests && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-contest">
                {t('contests.create.title')}
              </Button>
            )}
          </>
        }
      />
      {contests.error ? <Alert type="error" showIcon title={errorText(contests.error)} className="ss-block" /> : null}
      {contests.loading && !contests.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (contests.data ?? []).length === 0 ? (
        <Card>
          <Empty description={t('contests.list.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(contests.data ?? []).map((c) => (
            <Col xs={24} md={12} xl={8} key={c.id}>
              <Link to={`/contests/${c.id}`} className="ss-contest-card" data-testid={`contest-${c.id}`}>
                <div className="ss-contest-card__top">
                  <span className="ss-contest-card__icon">
                    <FlagOutlined />
                  </span>
                  <div className="ss-contest-card__title">
                    <strong>{c.title}</strong>
                    <span>
                      <ApartmentOutlined /> {c.organisationName}
                    </span>
                  </div>
                  <ContestStatusTag status={c.status} />
                </div>
                <Typography.Paragraph type="secondary" className="ss-contest-card__desc">
                  {c.definition.stages.map((s) => s.name).join(' → ')}
                </Typography.Paragraph>
                <div className="ss-contest-card__foot">
                  <span className="ss-contest-card__count">
                    <b>{c.definition.tracks.length}</b> {t('contests.list.tracks')} · <b>{c.definition.stages.length}</b> {t('contests.list.stages')}
                  </span>
                  <RightOutlined className="ss-shortcut__arrow" />
                </div>
              </Link>
            </Col>
          ))}
        </Row>
      )}
      {creating && <ContestCreateModal organisations={orgs.data ?? []} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/contests/${c.id}/builder`)} />}
    </div>
  );
}
