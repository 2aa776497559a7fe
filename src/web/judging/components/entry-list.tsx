import { Badge, Tag } from 'antd';
import { CheckCircleFilled, LockOutlined, StopOutlined, SoundOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { PhoneEntry } from '../api.ts';

type Props = { entries: PhoneEntry[]; onStageEntryId: number | null; selected: number | null; pending: (entryId: number) => number; onSelect: (entryId: number) => void };

/** The panel's running order on the phone: who is on stage, what I scored, what is locked or waiting to be sent. */
export function EntryList({ entries, onStageEntryId, selected, pending, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <div className="ss-jentries" data-testid="judge-entries">
      {entries.map((e) => {
        const waiting = pending(e.entryId);
        return (
          <button
            type="button"
            key={e.entryId}
            className={`ss-jentry${selected === e.entryId ? ' ss-jentry--selected' : ''}`}
            onClick={() => onSelect(e.entryId)}
            data-testid={`judge-entry-${e.entryId}`}
          >
            <span className="ss-jentry__pos">{e.position + 1}</span>
            <span className="ss-jentry__who">
              <span className="ss-jentry__name">{e.name}</span>
              <span className="ss-jentry__org">{e.organisationName}</span>
            </span>
            <span className="ss-jentry__state">
              {onStageEntryId === e.entryId && (
                <Tag color="processing" icon={<SoundOutlined />}>
                  {t('judging.phone.onStageShort')}
                </Tag>
              )}
              {waiting > 0 && <Badge className="ss-pending-badge" count={t('judging.phone.pendingN', { n: waiting })} data-testid={`pending-${e.entryId}`} />}
              {e.conflict ? (
                <Tag icon={<StopOutlined />}>{t('judging.phone.conflictShort')}</Tag>
              ) : e.locked ? (
                <Tag icon={<LockOutlined />}>{t('judging.phone.locked')}</Tag>
              ) : null}
              {e.sheet && !e.conflict && (
                <span className="ss-jentry__total">
                  <CheckCircleFilled /> {e.sheet.total}
                </span>
              )}
            </span>
          </button>
        );
      })}
    </div>
  );
}
