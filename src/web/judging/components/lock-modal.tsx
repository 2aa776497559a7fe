import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';

type Props = {
  mode: 'lock' | 'unlock';
  target: string;
  missing: number;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
};

/** Lock (scores flow into the contest) or unlock (a reason is required, it goes into the audit trail). */
export function LockModal({ mode, target, missing, onCancel, onConfirm }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const needsReason = mode === 'unlock';
  return (
    <Modal
      open
      title={mode === 'lock' ? t('judging.lock.lockTitle', { target }) : t('judging.lock.unlockTitle', { target })}
      okText={mode === 'lock' ? t('judging.board.lock') : t('judging.board.unlock')}
      okButtonProps={{ disabled: needsReason && !reason.trim(), loading: busy, danger: mode === 'unlock', ...({ 'data-testid': 'lock-confirm' } as Record<string, string>) }}
      onCancel={onCancel}
      onOk={() => run(() => onConfirm(reason.trim()))}
    >
      <Typography.Paragraph type="secondary">{mode === 'lock' ? t('judging.lock.lockBody') : t('judging.lock.unlockBody')}</Typography.Paragraph>
      {mode === 'lock' && missing > 0 && <Alert type="warning" showIcon className="ss-block" title={t('judging.lock.missing', { n: missing })} />}
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={needsReason ? t('judging.lock.reasonRequired') : t('judging.lock.reasonOptional')}
        autoSize={{ minRows: 2, maxRows: 4 }}
        maxLength={500}
        data-testid="lock-reason"
      />
      {error && <Alert type="error" showIcon className="ss-block-top" title={error} />}
    </Modal>
  );
}
