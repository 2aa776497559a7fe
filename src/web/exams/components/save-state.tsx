import { CheckCircleFilled, CloudSyncOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { ItemSync } from '../use-answer-sync.ts';

/** Saved / saving / not saved, for one item (when `state` is given) or the whole attempt. */
export function SaveState({ state, unsaved, failing, testId }: { state?: ItemSync; unsaved?: number; failing?: boolean; testId?: string }) {
  const { t } = useI18n();
  const s: ItemSync = state ?? (failing ? 'failed' : unsaved ? 'pending' : 'saved');
  const label =
    state === undefined
      ? unsaved
        ? t('exams.take.unsavedCount', { n: unsaved })
        : t('exams.take.allSaved')
      : s === 'saved'
        ? t('exams.take.saved')
        : s === 'pending'
          ? t('exams.take.saving')
          : t('exams.take.unsaved');
  const icon = s === 'saved' ? <CheckCircleFilled /> : s === 'pending' ? <CloudSyncOutlined /> : <ExclamationCircleFilled />;
  return (
    <span className={`ss-save-state ss-save-state--${s}`} data-testid={testId} data-state={s}>
      {icon} {label}
    </span>
  );
}
