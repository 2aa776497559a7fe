import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundDef, StandingRow, TrackStandings } from '../api.ts';

const fmt = (n: number | undefined) => (n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));
type Row = StandingRow & { missing?: string[]; late?: boolean };

/** One track's standings: rank, the rounds as raw / normalised / weighted, the total and why ties fell as they did. */
export function StandingsTable({ track, rounds }: { track: TrackStandings; rounds: RoundDef[] }) {
  const { t, lang } = useI18n();
  const rows: Row[] = [
    ...track.rows,
    ...track.incomplete.map((i) => ({ entryId: i.entryId, name: i.name, organisationName: i.organisationName, rank: 0, scoreRank: 0, total: Number.NaN, rounds: i.rounds, tieBreaks: [], unresolvedWith: [], explanation: '', explanationZh: '', missing: i.missingRounds, late: i.late })),
  ];
  const roundColumns: ColumnsType<Row> = rounds.map((r) => ({
    title: (
      <span className="ss-round-head">
        {r.name}
        <small>{r.role === 'decider' ? t('contests.flow.decider') : `${r.weightPercent}%`}</small>
      </span>
    ),
    key: r.id,
    children: [
      { title: t('contests.standings.raw'), key: `${r.id}-raw`, align: 'right' as const, width: 70, render: (_: unknown, row: Row) => (row.missing?.includes(r.id) ? <Tag color="warning">{t('contests.standings.missing')}</Tag> : fmt(row.rounds[r.id]?.raw)) },
      { title: t('contests.standings.normalised'), key: `${r.id}-norm`, align: 'right' as const, width: 70, render: (_: unknown, row: Row) => <span className="ss-muted-num">{fmt(row.rounds[r.id]?.normalised)}</span> },
      { title: t('contests.standings.weighted'), key: `${r.id}-w`, align: 'right' as const, width: 70, render: (_: unknown, row: Row) => <b className="ss-weighted-num">{fmt(row.rounds[r.id]?.weighted)}</b> },
    ],
  }));
  const columns: ColumnsType<Row> = [
    { title: t('contests.standings.rank'), key: 'rank', width: 64, fixed: 'left', render: (_, row) => (row.rank ? <span className={`ss-rank ss-rank--${Math.min(row.rank, 4)}`}>{row.rank}</span> : '—') },
    { title: t('contests.standings.entry'), key: 'name', fixed: 'left', width: 200, render: (_, row) => <div className="ss-entry-cell"><strong>{row.name}</strong><small>{row.organisationName}{row.late && <Tag color="orange" className="ss-late-tag">{t('contests.standings.late')}</Tag>}</small></div> },
    ...roundColumns,
    { title: t('contests.standings.total'), key: 'total', align: 'right', width: 80, render: (_, row) => (Number.isNaN(row.total) ? '—' : <b className="ss-total-num">{fmt(row.total)}</b>) },
    {
      title: t('contests.standings.explanation'),
      key: 'why',
      width: 260,
      render: (_, row) => (
        <span className="ss-explain">
          {row.unresolvedWith.length > 0 && <Tag color="error">{t('contests.standings.unresolved')}</Tag>}
          {row.tieBreaks.length > 0 && <Tooltip title={row.explanation}><Tag color="purple">{t('contests.standings.tieBroken')}</Tag></Tooltip>}
          {row.missing ? t('contests.standings.waiting') : lang === 'zh-CN' ? row.explanationZh : row.explanation}
        </span>
      ),
    },
  ];
  return (
    <Table<Row>
      size="middle"
      bordered
      rowKey="entryId"
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (row.missing ? 'ss-row-incomplete' : '')}
      data-testid={`standings-${track.trackId}`}
    />
  );
}
