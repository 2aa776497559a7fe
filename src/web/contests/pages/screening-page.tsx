import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Col, Empty, Row, Segmented, Select, Skeleton } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useEntries, type Contest, type Entry, type EntryStatus } from '../api.ts';
import { ContestFrame } from '../components/contest-frame.tsx';
import { EntryCard } from '../components/entry-card.tsx';
import { ReviewModal } from '../components/review-modal.tsx';
import '../contests.css';

/** 海选: the registrations in my scope, filtered by track and status; approve, or reject with a reason. */
export function ScreeningPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="screening">
      {(c) => <Queue contest={c} />}
    </ContestFrame>
  );
}

const STATUSES: EntryStatus[] = ['submitted', 'approved', 'rejected'];

function Queue({ contest }: { contest: Contest }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<EntryStatus | 'all'>('submitted');
  const [track, setTrack] = useState<string | undefined>(undefined);
  const [nonce, setNonce] = useState(0);
  const entries = useEntries(contest.id, status === 'all' ? undefined : status, nonce);
  const [reviewing, setReviewing] = useState<{ entry: Entry; decision: 'approved' | 'rejected' } | null>(null);
  const trackName = (id: string) => contest.definition.tracks.find((x) => x.id === id)?.name ?? id;
  const shown = (entries.data ?? []).filter((e) => !track || e.trackId === track);
  return (
    <>
      <div className="ss-filters">
        <Segmented<EntryStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[...STATUSES.map((s) => ({ value: s, label: t(`contests.entryStatus.${s}`) })), { value: 'all' as const, label: t('contests.screening.all') }]}
          data-testid="screening-status"
        />
        <Select allowClear className="ss-filter-select" placeholder={t('contests.screening.allTracks')} value={track} onChange={setTrack} options={contest.definition.tracks.map((x) => ({ value: x.id, label: x.name }))} />
        <span className="ss-filters__count">{t('contests.screening.count', { n: shown.length })}</span>
      </div>
      {entries.error ? <Alert type="error" showIcon title={errorText(entries.error)} className="ss-block" /> : null}
      {entries.loading && !entries.data ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty description={t('contests.screening.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {shown.map((e) => (
            <Col xs={24} md={12} xxl={8} key={e.id}>
              <EntryCard
                entry={e}
                trackName={trackName(e.trackId)}
                actions={
                  e.status === 'submitted' && (
                    <>
                      <Button danger icon={<CloseOutlined />} onClick={() => setReviewing({ entry: e, decision: 'rejected' })} data-testid={`reject-${e.id}`}>{t('contests.screening.reject')}</Button>
                      <Button type="primary" icon={<CheckOutlined />} onClick={() => setReviewing({ entry: e, decision: 'approved' })} data-testid={`approve-${e.id}`}>{t('contests.screening.approve')}</Button>
                    </>
                  )
                }
              />
            </Col>
          ))}
        </Row>
      )}
      {reviewing && (
        <ReviewModal
          contestId={contest.id}
          entry={reviewing.entry}
          decision={reviewing.decision}
          onClose={() => setReviewing(null)}
          onDone={(e) => {
            setReviewing(null);
            message.success(t(e.status === 'approved' ? 'contests.screening.approved' : 'contests.screening.rejected', { name: e.name }));
            setNonce((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
