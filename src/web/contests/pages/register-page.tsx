import { useParams } from 'react-router-dom';
import { Alert, App, Card, Empty, Skeleton } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useMyEntries, type Contest } from '../api.ts';
import { ContestFrame } from '../components/contest-frame.tsx';
import { EntryCard } from '../components/entry-card.tsx';
import { RegisterForm } from '../components/register-form.tsx';
import '../contests.css';

/** 报名 (phone first): my registrations with their status and the reviewer's reason, and the form while open. */
export function RegisterPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="register">
      {(c) => <Registration contest={c} />}
    </ContestFrame>
  );
}

function Registration({ contest }: { contest: Contest }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const mine = useMyEntries(contest.id);
  const trackName = (id: string) => contest.definition.tracks.find((x) => x.id === id)?.name ?? id;
  const live = (mine.data ?? []).some((e) => e.status === 'submitted' || e.status === 'approved');
  return (
    <div className="ss-register">
      <Card title={t('contests.register.mine')} className="ss-block">
        {mine.error ? <Alert type="error" showIcon title={errorText(mine.error)} /> : null}
        {!mine.data ? <Skeleton active /> : mine.data.length === 0 ? <Empty description={t('contests.register.none')} /> : mine.data.map((e) => <EntryCard key={e.id} entry={e} trackName={trackName(e.trackId)} />)}
      </Card>
      {contest.status !== 'registration' ? (
        <Alert type="info" showIcon title={t('contests.register.closed', { status: t(`contests.status.${contest.status}`) })} />
      ) : live ? null : (
        <Card title={t('contests.register.title')}>
          <RegisterForm
            contest={contest}
            onDone={() => {
              message.success(t('contests.register.submitted'));
              mine.reload();
            }}
          />
        </Card>
      )}
    </div>
  );
}
