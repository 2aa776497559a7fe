import { Alert, Card, Empty, List, Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Assignment } from '../api.ts';

/** Conflicts of interest (回避) and entries whose eligible judges fall below the panel's minimum size. */
export function AssignmentAlerts({ assignment }: { assignment: Assignment }) {
  const { t, lang } = useI18n();
  const name = (entryId: number) => assignment.eligible.find((e) => e.entryId === entryId)?.name ?? `#${entryId}`;
  return (
    <Card size="small" title={t('judging.board.conflictsTitle', { n: assignment.conflicts.length })} className="ss-card-fill" data-testid="conflicts">
      {assignment.shortfalls.map((s) => (
        <Alert key={s.entryId} type="error" showIcon className="ss-block" title={t('judging.board.shortfall', { name: name(s.entryId), n: s.eligible, min: s.minSize })} description={lang === 'en' ? s.reason : s.reasonZh} />
      ))}
      {assignment.conflicts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('judging.board.noConflicts')} />
      ) : (
        <List
          size="small"
          dataSource={assignment.conflicts}
          renderItem={(c) => (
            <List.Item>
              <div className="ss-jconflict">
                <span>
                  <Tag>{c.judgeName}</Tag>↔ <strong>{c.entryName}</strong>
                </span>
                <span className="ss-jconflict__why">{lang === 'en' ? c.reason : c.reasonZh}</span>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
