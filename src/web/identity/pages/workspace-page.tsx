import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { AuditOutlined, SoundOutlined, StarOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import type { Role } from '../api.ts';
import { ROLE_COLOURS } from '../components/role-tags.tsx';
import { useSignedIn } from '../components/session-provider.tsx';

const WORK_ROLES: { role: Extract<Role, 'judge' | 'host' | 'reviewer'>; icon: React.ReactNode }[] = [
  { role: 'judge', icon: <StarOutlined /> },
  { role: 'host', icon: <SoundOutlined /> },
  { role: 'reviewer', icon: <AuditOutlined /> },
];

/** Judges, hosts and reviewers: their roles and where they hold them. The work itself arrives with later parts. */
export function WorkspacePage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const held = WORK_ROLES.filter((w) => me.roles.some((g) => g.role === w.role));

  return (
    <div className="ss-page ss-page--medium">
      <PageHeader title={t('workspace.title', { name: me.person.name })} subtitle={me.person.organisation.path} />
      {held.length === 0 && (
        <Card>
          <Empty description={t('workspace.noRoles')} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {held.map((w) => (
          <Col xs={24} md={held.length > 1 ? 12 : 24} key={w.role}>
            <Card
              className="ss-card-fill"
              title={
                <span className="ss-role-card__title">
                  {w.icon} {t(`role.${w.role}`)}
                </span>
              }
              data-testid={`workspace-${w.role}`}
            >
              <Typography.Paragraph type="secondary">{t(`workspace.about.${w.role}`)}</Typography.Paragraph>
              <div className="ss-role-card__scopes">
                <Typography.Text strong>{t('workspace.scope')}</Typography.Text>
                {me.roles
                  .filter((g) => g.role === w.role)
                  .map((g) => (
                    <Tag key={g.id} color={ROLE_COLOURS[g.role]} variant="filled">
                      {g.organisationName}
                    </Tag>
                  ))}
              </div>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`workspace.empty.${w.role}`)} />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
