import { Modal } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = { open: boolean; unanswered: number[]; flagged: number[]; unsaved: number; submitting: boolean; onJump: (n: number) => void; onCancel: () => void; onConfirm: () => void };

/** 交卷确认: what is still unanswered or flagged, and whether anything is not yet on the server. */
export function SubmitConfirm({ open, unanswered, flagged, unsaved, submitting, onJump, onCancel, onConfirm }: Props) {
  const { t } = useI18n();
  const numbers = (list: number[]) => (
    <div className="ss-exam-numbers">
      {list.map((n) => (
        <button type="button" key={n} className="ss-exam-numbers__n" onClick={() => onJump(n)}>
          {n}
        </button>
      ))}
    </div>
  );
  return (
    <Modal
      open={open}
      title={t('exams.take.submitTitle')}
      okText={t('exams.take.submitConfirm')}
      cancelText={t('exams.take.keepAnswering')}
      okButtonProps={{ danger: unanswered.length > 0, loading: submitting, disabled: unsaved > 0, 'data-testid': 'submit-confirm' } as never}
      onOk={onConfirm}
      onCancel={onCancel}
      centered
    >
      {unanswered.length > 0 ? (
        <>
          <p>{t('exams.take.unansweredCount', { n: unanswered.length })}</p>
          {numbers(unanswered)}
        </>
      ) : (
        <p>{t('exams.take.allAnswered')}</p>
      )}
      {flagged.length > 0 && (
        <>
          <p>{t('exams.take.flaggedCount', { n: flagged.length })}</p>
          {numbers(flagged)}
        </>
      )}
      {unsaved > 0 && <p className="ss-exam-warn">{t('exams.take.submitWaitSave', { n: unsaved })}</p>}
      <p className="ss-exam-muted">{t('exams.take.submitFinal')}</p>
    </Modal>
  );
}
