import { Table, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useI18n, type Translate } from '../../shared/i18n/i18n-context.tsx';
import type { AggregationSpec, ResultEntry, Results } from '../api.ts';

export function describeSpec(spec: AggregationSpec, t: Translate): string {
  const rule =
    spec.rule.kind === 'trimmed-mean'
      ? t('judging.rule.trimmed', { k: spec.rule.trim, fallback: t(`judging.rule.${spec.rule.fallback}`) })
      : t(`judging.rule.${spec.rule.kind}`);
  return `${rule} · ${t(`judging.level.${spec.level}`)} · ${t('judging.rule.decimals', { n: spec.rounding.decimals })}`;
}

/** Each entry's judge totals with the dropped ones struck through, the final, and any fallback explained. */
export function ResultsTable({ results }: { results: Results }) {
  const { t, lang } = useI18n();
  const tied = new Set(results.ties.flatMap((x) => x.entryIds));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('judging.results.rule', { rule: describeSpec(results.spec, t), max: results.maxTotal })}</Typography.Paragraph>
      <Table<ResultEntry>
        rowKey="entryId"
        pagination={false}
        dataSource={results.entries}
        data-testid="results-table"
        columns={[
          { title: t('judging.board.entry'), render: (_, e) => <span>{e.name} {e.locked && <LockOutlined className="ss-jmuted" />}</span> },
          {
            title: t('judging.results.judgeTotals'),
            render: (_, e) => {
              const dropped = new Map(e.channels.filter((c) => c.channel === 'total').flatMap((c) => c.dropped.map((d) => [d.judgeId, d.side] as const)));
              return (
                <div className="ss-jtotals">
                  {e.judgeTotals.map((j) => {
                    const side = dropped.get(j.judgeId);
                    return (
                      <span key={j.judgeId} className={`ss-jtotal${side ? ' ss-jtotal--dropped' : ''}`} title={side ? t(side === 'high' ? 'judging.reveal.droppedHigh' : 'judging.reveal.droppedLow') : j.judgeName}>
                        <span className="ss-jtotal__who">{j.judgeName}</span>
                        <span className="ss-jtotal__value">{j.value}</span>
                      </span>
                    );
                  })}
                </div>
              );
            },
          },
          {
            title: t('judging.results.notes'),
            render: (_, e) => (
              <div className="ss-jnotes">
                {e.channels.filter((c) => c.fallback).map((c) => (
                  <Tag key={c.channel} color="warning">
                    {lang === 'en' ? c.fallback?.reason : c.fallback?.reasonZh}
                  </Tag>
                ))}
                {e.notes.map((n, i) => (
                  <span key={i} className="ss-jmuted">
                    {lang === 'en' ? n.reason : n.reasonZh}
                  </span>
                ))}
                {tied.has(e.entryId) && <Tag color="purple">{t('judging.results.tie')}</Tag>}
              </div>
            ),
          },
          { title: t('judging.results.final'), align: 'right', render: (_, e) => <strong className="ss-jfinal">{e.final ?? '—'}</strong> },
        ]}
      />
    </>
  );
}
