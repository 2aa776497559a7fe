import { useState } from 'react';
import { Alert, App, Button, Input } from 'antd';
import { LockOutlined, SendOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MyPanel, PhoneEntry } from '../api.ts';
import { outcomeOf, pendingFor, type ScoreQueue } from '../offline-queue.ts';
import { CriterionInput } from './criterion-input.tsx';
import { SheetStatus } from './sheet-status.tsx';

type Props = { panel: MyPanel; entry: PhoneEntry; queue: ScoreQueue; onSent: () => void };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The rubric for one entry: every criterion, a comment, submit; editable until the organiser locks the entry. */
export function ScoreForm({ panel, entry, queue, onSent }: Props) {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const criteria = panel.rubric.criteria;
  const queued = [...queue.queue].reverse().find((q) => q.panelId === panel.id && q.entryId === entry.entryId);
  const start = queued ?? entry.sheet;
  const [scores, setScores] = useState<Record<string, number | null>>(() => Object.fromEntries(criteria.map((c) => [c.key, start?.scores[c.key] ?? null])));
  const [comment, setComment] = useState(start?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const pending = pendingFor(queue, panel.id, entry.entryId);

  if (entry.conflict) {
    return <Alert type="info" showIcon title={t('judging.phone.conflict')} description={lang === 'en' ? entry.conflict.reason : entry.conflict.reasonZh} />;
  }
  const locked = entry.locked;
  const missing = criteria.filter((c) => scores[c.key] === null).length;
  const total = round2(criteria.reduce((a, c) => a + c.weight * (scores[c.key] ?? 0), 0));
  const max = criteria.reduce((a, c) => a + c.weight * c.max, 0);

  const submit = async () => {
    setError(null);
    setSaving(true);
    try {
      const clean = Object.fromEntries(criteria.map((c) => [c.key, scores[c.key] as number]));
      const r = await queue.submit(panel.id, panel.judgeId, { entryId: entry.entryId, scores: clean, comment: comment.trim() || null });
      if (r === 'sent') {
        void message.success(t('judging.phone.sent'));
        onSent();
      } else void message.warning(t('judging.phone.queued'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="ss-jform" data-testid="score-form">
      {locked && <Alert type="info" showIcon icon={<LockOutlined />} title={t('judging.phone.lockedTitle')} description={t('judging.phone.lockedBody')} data-testid="sheet-locked" />}
      {criteria.map((c) => (
        <CriterionInput key={c.key} criterion={c} value={scores[c.key]} disabled={locked} onChange={(v) => setScores((s) => ({ ...s, [c.key]: v }))} />
      ))}
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('judging.phone.commentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={2000}
        disabled={locked}
        aria-label={t('judging.phone.comment')}
      />
      <SheetStatus pending={pending} online={queue.online} outcome={outcomeOf(queue, panel.id, entry.entryId)} />
      {error && <Alert type="error" showIcon title={error} data-testid="sheet-error" />}
      <div className="ss-jform__bar">
        <div className="ss-jform__total">
          <span className="ss-jform__total-label">{t('judging.phone.total')}</span>
          <span className="ss-jform__total-value" data-testid="sheet-total">{total}</span>
          <span className="ss-jform__total-max">/ {max}</span>
        </div>
        <Button type="primary" size="large" icon={<SendOutlined />} loading={saving} disabled={locked || missing > 0} onClick={() => void submit()} data-testid="sheet-submit">
          {missing > 0 ? t('judging.phone.missingN', { n: missing }) : entry.sheet || pending > 0 ? t('judging.phone.update') : t('judging.phone.submit')}
        </Button>
      </div>
    </div>
  );
}
