import { useState } from 'react';
import { App, Button, Card, Empty, Input, Modal } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { actOnAppeal, appealResult, type AppealView } from '../api.ts';
import { AppealStatus, AppealTrail } from './appeal-trail.tsx';
import './mock.css';

export type AppealTarget = { itemId: string | null; number: number | null };
export const isOpenAppeal = (a: AppealView) => a.status === 'filed' || a.status === 'under-review';

type Props = {
  attemptId: number;
  appeals: AppealView[];
  /** display number of each item id (the candidate's own order) */
  numberOf: (itemId: string) => number | undefined;
  target: AppealTarget | null;
  onTarget: (target: AppealTarget | null) => void;
  onChanged: () => void;
};

/** 成绩申诉 (the candidate, on a released result): appeal an item or the total with a reason, then follow its status and trail. */
export function AppealPanel({ attemptId, appeals, numberOf, target, onTarget, onChanged }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const label = (itemId: string | null, itemNumber?: number | null) => (itemId === null ? t('exams.results.wholeAttempt') : t('exams.appeal.item', { n: itemNumber ?? numberOf(itemId) ?? itemId }));

  const file = async () => {
    if (!target || !reason.trim()) return;
    setSaving(true);
    try {
      await appealResult(attemptId, target.itemId, reason.trim());
      message.success(t('exams.appeal.filed'));
      setReason('');
      onTarget(null);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const withdraw = (a: AppealView) => actOnAppeal(a.id, { type: 'withdraw' }).then(onChanged, (e: unknown) => message.error(errorText(e)));
  const wholeOpen = appeals.some((a) => a.itemId === null && isOpenAppeal(a));

  return (
    <Card
      size="small"
      className="ss-home-section"
      title={t('exams.appeal.title')}
      data-testid="appeal-panel"
      extra={!wholeOpen && <Button size="small" type="link" onClick={() => onTarget({ itemId: null, number: null })}>{t('exams.appeal.whole')}</Button>}
    >
      {appeals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exams.appeal.none')} />
      ) : (
        appeals.map((a) => (
          <div key={a.id} className="ss-appeal" data-testid="my-appeal">
            <div className="ss-appeal__head">
              <strong>{label(a.itemId, a.itemNumber)}</strong>
              <AppealStatus status={a.status} />
              <span className="ss-exam-muted">{a.finalMark !== null && a.finalMark !== a.originalMark ? t('exams.appeal.marksChanged', { from: a.originalMark, to: a.finalMark }) : t('exams.appeal.marks', { from: a.originalMark })}</span>
              {isOpenAppeal(a) && <Button size="small" type="link" className="ss-appeal-link" onClick={() => void withdraw(a)}>{t('exams.appeal.withdraw')}</Button>}
            </div>
            <AppealTrail appeal={a} />
          </div>
        ))
      )}
      <Modal
        open={target !== null}
        title={`${t('exams.appeal.title')} · ${target ? label(target.itemId) : ''}`}
        okText={t('exams.appeal.submit')}
        okButtonProps={{ disabled: !reason.trim(), loading: saving, 'data-testid': 'appeal-submit' } as never}
        onOk={() => void file()}
        onCancel={() => onTarget(null)}
        centered
        destroyOnHidden
      >
        <p className="ss-exam-muted">{t('exams.appeal.reasonHint')}</p>
        <Input.TextArea rows={4} maxLength={2000} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('exams.appeal.reason')} data-testid="appeal-reason" />
      </Modal>
    </Card>
  );
}
