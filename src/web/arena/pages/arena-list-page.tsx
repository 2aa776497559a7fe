import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Col, Empty, Result, Row, Space, Tag } from 'antd';
import { DesktopOutlined, EditOutlined, EyeOutlined, HistoryOutlined, PlusOutlined, SoundOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useSignedIn } from '../../identity/components/session-provider.tsx';
import { useRounds, type RoundSummary } from '../api.ts';
import { RoundCreateModal } from '../components/round-create-modal.tsx';
import '../arena.css';
import '../builder.css';

const STATUS_COLOUR = { draft: 'default', live: 'green', finished: 'purple' } as const;

/** Hosts and organisers: the live rounds in their scope, with the console, screen, spectator and replay links; organisers create rounds and finish setting up drafts. */
export function ArenaListPage() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const { access } = useSignedIn();
  // creating a round: organisers (the server checks the organisation too)
  const canCreate = access.roles.has('organiser') || access.roles.has('platform_admin');
  const [creating, setCreating] = useState(false);
  const rounds = useRounds();
  if (rounds.error) return <Result status="403" subTitle={errorText(rounds.error)} />;
  if (!rounds.data) return <PageLoading />;
  const screenOf = (r: RoundSummary) => `/arena/${r.id}/screen?token=${encodeURIComponent(r.screenToken ?? '')}${r.joinCode ? `&code=${r.joinCode}` : ''}`;
  return (
    <div className="ss-page" data-testid="arena-list">
      <PageHeader
        title={t('arena.title')}
        subtitle={t('arena.subtitle')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-round">
              {t('arena.builder.create.button')}
            </Button>
          ) : undefined
        }
      />
      {rounds.data.length === 0 && (
        <Card>
          <Empty description={t('arena.list.empty')} />
        </Card>
      )}
      {creating && <RoundCreateModal onClose={() => setCreating(false)} onCreated={(r) => navigate(`/arena/${r.id}/setup`)} />}
      <Row gutter={[16, 16]}>
        {rounds.data.map((r) => (
          <Col xs={24} md={12} xl={8} key={r.id}>
            <Card className="ss-card-fill arena-round-card" data-testid={`arena-round-${r.id}`}>
              <div className="arena-round-card__head">
                <span className={`arena-round-card__icon arena-round-card__icon--${r.format}`}>
                  <SoundOutlined />
                </span>
                <div className="arena-round-card__title">
                  <b>{r.title}</b>
                  <span>{r.organisationName}</span>
                </div>
                <Tag color={STATUS_COLOUR[r.status]}>{t(`arena.status.${r.status}`)}</Tag>
              </div>
              <Space wrap size={4} className="arena-round-card__facts">
                <Tag variant="filled" color="blue">{t(`arena.format.${r.format}`)}</Tag>
                <span>{t('arena.list.questions', { n: r.questionCount })}</span>
                {r.format !== 'mass-quiz' && <span>· {t('arena.list.units', { n: r.unitCount })}</span>}
                {r.isPublic && <Tag>{t('arena.list.public')}</Tag>}
                {r.joinCode && <Tag color="gold">{t('arena.list.joinCode', { code: r.joinCode })}</Tag>}
              </Space>
              <Space wrap className="arena-round-card__actions">
                {r.status === 'draft' && r.canManage && (
                  <Link to={`/arena/${r.id}/setup`} data-testid="round-continue-setup">
                    <Button type="primary" icon={<EditOutlined />}>{t('arena.builder.continue')}</Button>
                  </Link>
                )}
                {r.status === 'live' && r.canHost && (
                  <Link to={`/arena/${r.id}/host`}>
                    <Button type="primary" icon={<SoundOutlined />}>{t('arena.list.host')}</Button>
                  </Link>
                )}
                {r.status !== 'draft' && r.screenToken && (
                  <Button icon={<DesktopOutlined />} href={screenOf(r)} target="_blank">{t('arena.list.screen')}</Button>
                )}
                {r.status !== 'draft' && r.isPublic && (
                  <Button icon={<EyeOutlined />} href={`/arena/${r.id}/watch`} target="_blank">{t('arena.list.watch')}</Button>
                )}
                {r.status === 'finished' && (
                  <Link to={`/arena/${r.id}/replay`}>
                    <Button icon={<HistoryOutlined />}>{t('arena.list.replay')}</Button>
                  </Link>
                )}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
