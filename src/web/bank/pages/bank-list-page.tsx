import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Tag } from 'antd';
import { DatabaseOutlined, FileTextOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ScopedListPage } from '../../shared/list/scoped-list-page.tsx';
import { ScopedItemCard } from '../../shared/list/scoped-item-card.tsx';
import { useBanks } from '../api.ts';
import { BankCreateModal } from '../components/bank-create-modal.tsx';
import '../bank.css';

/** 题库: the banks the organiser manages, and the ones shared down to them from above. */
export function BankListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState<string | undefined>(undefined);
  const banks = useBanks(name);

  return (
    <ScopedListPage
      title={t('nav.banks')}
      subtitle={t('bank.list.subtitle')}
      create={{
        label: t('bank.list.create'),
        testId: 'create-bank',
        modal: ({ organisations, close }) => (
          <BankCreateModal
            organisations={organisations}
            onClose={close}
            onCreated={(bank) => {
              close();
              navigate(`/banks/${bank.id}`);
            }}
          />
        ),
      }}
      search={{ placeholder: t('bank.list.searchPlaceholder'), value: name, onSearch: setName }}
      items={banks}
      emptyText={t('bank.list.empty')}
      itemKey={(b) => b.id}
      renderItem={(b) => (
        <ScopedItemCard
          to={`/banks/${b.id}`}
          block="ss-bank-card"
          testId={`bank-${b.id}`}
          icon={<DatabaseOutlined />}
          title={b.name}
          organisationName={b.organisationName}
          tag={b.canManage ? <Tag color="blue" variant="filled">{t('bank.list.manage')}</Tag> : <Tag variant="filled">{t('bank.list.shared')}</Tag>}
          description={b.description || t('bank.list.noDescription')}
          descriptionRows={2}
          count={
            <>
              <FileTextOutlined /> <b>{b.questionCount.toLocaleString()}</b> {t('bank.list.questions')}
            </>
          }
        />
      )}
    />
  );
}
