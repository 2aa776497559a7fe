import { useState } from 'react';
import { Alert, Checkbox, Input, Modal, Typography, type ButtonProps } from 'antd';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { reviewEntry, type Entry } from '../api.ts';

type Props = { contestId: number; entry: Entry; decision: 'approved' | 'rejected'; onClose: () => void; onDone: (e: Entry) => void };

/** 海选 decision: approving may carry a note; rejecting needs the reason the registrant will read. */
export function ReviewModal({ contestId, entry, decision, onClose, onDone }: Props) {
  const { t, errorText } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  // approving once the first stage has scores makes a late entry: the server asks to confirm it
  const [late, setLate] = useState<string | null>(null);
  const [acceptLate, setAcceptLate] = useState(false);
  const rejecting = decision === 'rejected';
  const submit = async () => {
    if (rejecting && !reason.trim()) return setError(t('contests.screening.reasonRequired'));
    if (late && !acceptLate) return;
    await run(
      async () => onDone(await reviewEntry(contestId, entry.id, { decision, reason: reason.trim(), acceptLate })),
      (e) => {
        if (!isApiError(e) || e.field !== 'acceptLate') return false;
        setLate(errorText(e));
        return true;
      },
    );
  };
  return (
    <Modal
      open
      title={t(rejecting ? 'contests.screening.rejectTitle' : 'contests.screening.approveTitle', { name: entry.name })}
      okText={t(rejecting ? 'contests.screening.reject' : 'contests.screening.approve')}
      okButtonProps={{ danger: rejecting, disabled: Boolean(late) && !acceptLate, 'data-testid': 'review-confirm' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" data-testid="review-error" />}
      {late && (
        <Alert
          type="warning"
          showIcon
          className="ss-form-alert"
          title={late}
          description={<Checkbox checked={acceptLate} onChange={(e) => setAcceptLate(e.target.checked)} data-testid="accept-late">{t('contests.screening.lateConfirm')}</Checkbox>}
          data-testid="late-warning"
        />
      )}
      <Typography.Paragraph type="secondary">{entry.organisationName} · {entry.members.map((m) => m.name).join('、')}</Typography.Paragraph>
      <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t(rejecting ? 'contests.screening.reasonPlaceholder' : 'contests.screening.notePlaceholder')} maxLength={1000} data-testid="review-reason" />
    </Modal>
  );
}
