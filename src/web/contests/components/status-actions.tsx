import { useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { ArrowRightOutlined, RollbackOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { setContestStatus, STATUS_FLOW, type Contest, type ContestStatus } from '../api.ts';

/** draft → registration → running → finished (registration may go back to draft), each confirmed. */
export function StatusActions({ contest, onChanged }: { contest: Contest; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const at = STATUS_FLOW.indexOf(contest.status);
  const next = STATUS_FLOW[at + 1];
  const change = async (status: ContestStatus) => {
    setBusy(true);
    try {
      await setContestStatus(contest.id, status);
      message.success(t('contests.statusChanged', { status: t(`contests.status.${status}`) }));
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      {contest.status === 'registration' && (
        <Popconfirm title={t('contests.statusConfirm', { status: t('contests.status.draft') })} onConfirm={() => change('draft')}>
          <Button icon={<RollbackOutlined />} loading={busy}>{t('contests.statusAction.draft')}</Button>
        </Popconfirm>
      )}
      {next && (
        <Popconfirm title={t('contests.statusConfirm', { status: t(`contests.status.${next}`) })} onConfirm={() => change(next)}>
          <Button type="primary" icon={<ArrowRightOutlined />} loading={busy} data-testid="status-next">
            {t(`contests.statusAction.${next}`)}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
