import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Select, Table, Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { usePanels, useContests, type PanelView } from '../api.ts';
import { RubricLibraryCard } from '../components/rubric-library-card.tsx';
import '../judging.css';

/** The organiser's entry to judging: pick a contest, then one of its panels (评委组); below, the rubric library (评分细则库). */
export function JudgingHomePage() {
  const { t, errorText } = useI18n();
  const contests = useContests();
  const [picked, setPicked] = useState<number | null>(null);
  const contestId = picked ?? contests.data?.[0]?.id ?? null;
  const panels = usePanels(contestId);

  return (
    <div className="ss-page">
      <PageHeader
        title={t('judging.home.title')}
        subtitle={t('judging.home.subtitle')}
        extra={
          <Select
            className="ss-jhome__contest"
            value={contestId ?? undefined}
            loading={contests.loading}
            options={(contests.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            onChange={setPicked}
            placeholder={t('judging.home.contest')}
          />
        }
      />
      {Boolean(contests.error || panels.error) && <Alert type="error" showIcon title={errorText(contests.error ?? panels.error)} className="ss-block" />}
      <Card>
        <Table<PanelView>
          rowKey="id"
          loading={panels.loading}
          dataSource={panels.data ?? []}
          pagination={false}
          locale={{ emptyText: t('judging.home.empty') }}
          columns={[
            { title: t('judging.home.panel'), dataIndex: 'name', render: (name: string, p) => <Link to={`/judging/panels/${p.id}`}>{name}</Link> },
            { title: t('judging.home.round'), render: (_, p) => [p.roundKey, p.trackKey, p.groupKey].filter(Boolean).join(' · ') },
            { title: t('judging.home.judges'), align: 'right', render: (_, p) => p.judges.length },
            { title: t('judging.home.entries'), align: 'right', render: (_, p) => p.entries.length },
            { title: t('judging.home.locked'), align: 'right', render: (_, p) => `${p.entries.filter((e) => e.locked).length} / ${p.entries.length}` },
            { title: t('field.status'), render: (_, p) => <Tag color={p.status === 'locked' ? 'default' : 'processing'}>{t(`judging.status.${p.status}`)}</Tag> },
          ]}
        />
      </Card>
      <RubricLibraryCard />
    </div>
  );
}
