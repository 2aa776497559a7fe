import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, LockOutlined, SoundOutlined, UnlockOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Board, BoardEntry } from '../api.ts';

type Props = {
  board: Board;
  busy: boolean;
  onStage: (entryId: number | null) => void;
  onLock: (entry: BoardEntry) => void;
  onUnlock: (entry: BoardEntry) => void;
};

/** Who has scored whom: entries down, judges (seat order) across; missing in red, conflicts greyed out. */
export function ScoreMatrix({ board, busy, onStage, onLock, onUnlock }: Props) {
  const { t } = useI18n();
  const judges = [...board.judges].sort((a, b) => a.seat - b.seat);
  return (
    <Table<BoardEntry>
      rowKey="entryId"
      size="middle"
      pagination={false}
      dataSource={board.entries}
      scroll={{ x: 'max-content' }}
      data-testid="score-matrix"
      rowClassName={(e) => (e.entryId === board.onStageEntryId ? 'ss-jmatrix__row--stage' : '')}
      columns={[
        { title: '#', width: 44, render: (_, e) => e.position + 1 },
        {
          title: t('judging.board.entry'),
          render: (_, e) => (
            <div className="ss-jmatrix__entry">
              <span>{e.name}</span>
              <span className="ss-jmatrix__org">{e.organisationName}</span>
            </div>
          ),
        },
        ...judges.map((j) => ({
          title: (
            <Tooltip title={j.guest ? t('judging.board.guest') : undefined}>
              <span className="ss-jmatrix__judge">
                {j.name}
                {j.guest && <Tag className="ss-jmatrix__guest">{t('judging.board.guestShort')}</Tag>}
              </span>
            </Tooltip>
          ),
          key: `j${j.personId}`,
          align: 'center' as const,
          render: (_: unknown, e: BoardEntry) =>
            e.scoredBy.includes(j.personId) ? (
              <CheckOutlined className="ss-jmatrix__ok" aria-label={t('judging.board.scored')} />
            ) : e.excluded.includes(j.personId) ? (
              <span className="ss-jmatrix__excluded">{t('judging.board.excluded')}</span>
            ) : (
              <span className="ss-jmatrix__missing">{t('judging.board.missing')}</span>
            ),
        })),
        {
          title: t('judging.board.progress'),
          align: 'right',
          render: (_, e) => `${e.scoredBy.length} / ${e.scoredBy.length + e.missing.length}`,
        },
        {
          title: t('common.actions'),
          fixed: 'right',
          render: (_, e) => (
            <Space size={4}>
              {e.entryId === board.onStageEntryId ? (
                <Tag color="processing" icon={<SoundOutlined />}>
                  {t('judging.board.onStage')}
                </Tag>
              ) : (
                <Button size="small" disabled={busy || e.locked} onClick={() => onStage(e.entryId)} data-testid={`on-stage-${e.entryId}`}>
                  {t('judging.board.putOnStage')}
                </Button>
              )}
              {e.locked ? (
                <Button size="small" icon={<UnlockOutlined />} disabled={busy} onClick={() => onUnlock(e)} data-testid={`unlock-${e.entryId}`}>
                  {t('judging.board.unlock')}
                </Button>
              ) : (
                <Button size="small" type="primary" ghost icon={<LockOutlined />} disabled={busy} onClick={() => onLock(e)} data-testid={`lock-${e.entryId}`}>
                  {t('judging.board.lock')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
