import { Badge } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined, WifiOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = { online: boolean; pending: number; flushing: boolean };

/** The phone's network state in one line: online, offline, and how many scores wait to be sent. */
export function ConnectionBar({ online, pending, flushing }: Props) {
  const { t } = useI18n();
  return (
    <div className={`ss-jconn${online ? '' : ' ss-jconn--offline'}`} data-testid="judge-connection" data-online={online}>
      {online ? <WifiOutlined /> : <DisconnectOutlined />}
      <span className="ss-jconn__text">{online ? t('judging.phone.online') : t('judging.phone.offline')}</span>
      {pending > 0 && (
        <span className="ss-jconn__pending" data-testid="pending-total">
          {flushing && <CloudSyncOutlined spin />} <Badge count={t('judging.phone.pendingN', { n: pending })} className="ss-pending-badge" />
        </span>
      )}
    </div>
  );
}
