import type { ReactNode } from 'react';
import { Card, Tag, Typography } from 'antd';
import { CrownOutlined, FileOutlined, VideoCameraOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { materialUrl, type Entry } from '../api.ts';
import { EntryStatusTag } from './status-tag.tsx';

type Props = { entry: Entry; trackName: string; actions?: ReactNode };

/** One registration: team, organisation, members (the captain crowned), material, status and the reviewer's reason. */
export function EntryCard({ entry, trackName, actions }: Props) {
  const { t } = useI18n();
  return (
    <Card className="ss-entry-card" size="small" data-testid={`entry-${entry.id}`}>
      <div className="ss-entry-card__head">
        <div>
          <strong className="ss-entry-card__name">{entry.name}</strong>
          <div className="ss-entry-card__meta">
            <Tag variant="filled" color="blue">{trackName}</Tag>
            {entry.organisationName} · {t('contests.screening.submittedAt', { time: dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm') })}
          </div>
        </div>
        <span>
          {entry.late && <Tag color="orange" data-testid="late-tag">{t('contests.screening.late')}</Tag>}
          <EntryStatusTag status={entry.status} />
        </span>
      </div>
      <div className="ss-entry-card__members">
        {entry.members.map((m) => (
          <span key={m.personId} className="ss-member-chip">
            {m.role === 'captain' && <CrownOutlined className="ss-member-chip__crown" />}
            {m.name}
            <small>{m.employeeNo}</small>
          </span>
        ))}
      </div>
      {entry.introduction && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="ss-entry-card__intro">{entry.introduction}</Typography.Paragraph>}
      {entry.materials.length > 0 && (
        <div className="ss-entry-card__materials">
          {entry.materials.map((m) => (
            <a key={m.uploadId} href={materialUrl(entry.contestId, entry.id, m.uploadId)} target="_blank" rel="noreferrer" title={t('contests.screening.material')} data-testid={`material-${m.uploadId}`}>
              <Tag icon={m.kind === 'video' ? <VideoCameraOutlined /> : <FileOutlined />} className="ss-material-tag">{m.fileName}</Tag>
            </a>
          ))}
        </div>
      )}
      {entry.review && entry.review.reason && (
        <div className={`ss-entry-card__reason is-${entry.review.decision}`} data-testid="review-reason-shown">
          {t('contests.register.reason', { reason: entry.review.reason })}
        </div>
      )}
      {actions && <div className="ss-entry-card__actions">{actions}</div>}
    </Card>
  );
}
