import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Input, Row, Skeleton, Tag, Typography } from 'antd';
import { ApartmentOutlined, DatabaseOutlined, FileTextOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useOrganisations } from '../../identity/api.ts';
import { useBanks } from '../api.ts';
import { BankCreateModal } from '../components/bank-create-modal.tsx';
import '../bank.css';

/** 题库: the banks the organiser manages, and the ones shared down to them from above. */
export function BankListPage() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState<string | undefined>(undefined);
  const banks = useBanks(name);
  const orgs = useOrganisations();
  const [creating, setCreating] = useState(false);

  return (
    <div className="ss-page">
      <PageHeader
        title={t('nav.banks')}
        subtitle={t('bank.list.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-bank">
            {t('bank.list.create')}
          </Button>
        }
      />
      <Input.Search allowClear className="ss-filters__search ss-block" placeholder={t('bank.list.searchPlaceholder')} enterButton={t('common.search')} onSearch={(v) => setName(v.trim() || undefined)} />
      {banks.error ? <Alert type="error" showIcon title={errorText(banks.error)} className="ss-block" /> : null}
      {banks.loading && !banks.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : banks.data && banks.data.length === 0 ? (
        <Card>
          <Empty description={name ? t('common.noMatch') : t('bank.list.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(banks.data ?? []).map((b) => (
            <Col xs={24} md={12} xl={8} key={b.id}>
              <Link to={`/banks/${b.id}`} className="ss-bank-card" data-testid={`bank-${b.id}`}>
                <div className="ss-bank-card__top">
                  <span className="ss-bank-card__icon">
                    <DatabaseOutlined />
                  </span>
                  <div className="ss-bank-card__title">
                    <strong>{b.name}</strong>
                    <span>
                      <ApartmentOutlined /> {b.organisationName}
                    </span>
                  </div>
                  {b.canManage ? <Tag color="blue" variant="filled">{t('bank.list.manage')}</Tag> : <Tag variant="filled">{t('bank.list.shared')}</Tag>}
                </div>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="ss-bank-card__desc">
                  {b.description || t('bank.list.noDescription')}
                </Typography.Paragraph>
                <div className="ss-bank-card__foot">
                  <span className="ss-bank-card__count">
                    <FileTextOutlined /> <b>{b.questionCount.toLocaleString()}</b> {t('bank.list.questions')}
                  </span>
                  <RightOutlined className="ss-shortcut__arrow" />
                </div>
              </Link>
            </Col>
          ))}
        </Row>
      )}
      {creating && (
        <BankCreateModal
          organisations={orgs.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(bank) => {
            setCreating(false);
            navigate(`/banks/${bank.id}`);
          }}
        />
      )}
    </div>
  );
}
