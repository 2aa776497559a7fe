import { Alert } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { SheetOutcome } from '../offline-queue.ts';

type Props = { pending: number; online: boolean; outcome: SheetOutcome | undefined };

/** What became of this entry's last submission: waiting on the phone, delivered, or refused with the server's reason. */
export function SheetStatus({ pending, online, outcome }: Props) {
  const { t, lang } = useI18n();
  if (pending > 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="sheet-status-pending"
        title={t('judging.phone.pendingN', { n: pending })}
        description={online ? t('judging.phone.pendingSending') : t('judging.phone.pendingOffline')}
      />
    );
  }
  if (!outcome) return null;
  if (outcome.status === 'refused') {
    const reason = lang === 'en' ? (outcome.reason ?? outcome.code) : (outcome.reasonZh ?? outcome.reason ?? outcome.code);
    return <Alert type="error" showIcon data-testid="sheet-status-refused" title={t('judging.phone.refused', { code: outcome.code ?? '' })} description={reason} />;
  }
  const key = outcome.status === 'duplicate' || outcome.status === 'unchanged' ? 'judging.phone.sentUnchanged' : outcome.via === 'offline' ? 'judging.phone.sentFromQueue' : 'judging.phone.sent';
  return <Alert type="success" showIcon data-testid="sheet-status-sent" title={t(key)} />;
}
