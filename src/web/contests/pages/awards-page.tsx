import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, List, Row, Space, Tag } from 'antd';
import { CheckOutlined, FilePdfOutlined, GlobalOutlined, PictureOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { certificateUrl, finalistPosterUrl, posterUrl, useStandings, computeAwards, publishAwards, reviewAwards, useAwardDraft, useAwardVersions, type Contest } from '../api.ts';
import { AwardBoard } from '../components/award-board.tsx';
import { AwardComputeForm } from '../components/award-compute-form.tsx';
import { ContestFrame } from '../components/contest-frame.tsx';
import '../contests.css';

/** 奖项: compute → review → publish (each publish a new frozen version), certificates as PDF, the public page. */
export function AwardsPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="awards">
      {(c) => <Awards contest={c} />}
    </ContestFrame>
  );
}

function Awards({ contest }: { contest: Contest }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const draft = useAwardDraft(contest.id, nonce);
  const versions = useAwardVersions(contest.id, nonce);
  // compute, review and publish share one busy flag and one error: one step at a time
  const { busy, error, setError, run } = useAction();
  const act = (fn: () => Promise<unknown>, done: string) =>
    run(async () => {
      await fn();
      message.success(done);
      setNonce((n) => n + 1);
    });
  const d = draft.data;
  const latest = versions.data?.[versions.data.length - 1];
  // the last stage's entrants are the finalists: each gets a shareable 入围 poster
  const lastStage = contest.definition.stages[contest.definition.stages.length - 1];
  const finals = useStandings(contest.id, lastStage?.id ?? null);
  const finalists = (finals.data?.tracks ?? []).flatMap((tr) => [...tr.rows, ...tr.incomplete].map((r) => ({ entryId: r.entryId, name: r.name, organisationName: r.organisationName, trackName: tr.trackName })));
  return (
    <>
      <Card className="ss-block"><AwardComputeForm def={contest.definition} busy={busy} onCompute={(sources) => void act(() => computeAwards(contest.id, sources), t('contests.awards.computed'))} /></Card>
      {error && <Alert type="error" showIcon closable className="ss-block" title={error} onClose={() => setError(null)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {(d || !latest) && (
            <Card
              title={<Space>{t('contests.awards.draft')}{d && <Tag color={d.status === 'reviewed' ? 'success' : 'gold'}>{t(`contests.awards.status.${d.status}`)}</Tag>}</Space>}
              extra={d && (
                <Space>
                  <Button icon={<CheckOutlined />} disabled={d.status !== 'draft'} loading={busy} onClick={() => void act(() => reviewAwards(contest.id), t('contests.awards.reviewedOk'))}>{t('contests.awards.review')}</Button>
                  <Button type="primary" icon={<SendOutlined />} disabled={d.status !== 'reviewed'} loading={busy} onClick={() => void act(() => publishAwards(contest.id), t('contests.awards.publishedOk'))}>{t('contests.awards.publish')}</Button>
                </Space>
              )}
            >
              {d ? <AwardBoard awards={d.awards} /> : <Empty description={t('contests.awards.none')} />}
            </Card>
          )}
          {!d && latest && (
            // no draft in the making: the published version takes the wide column, with certificates and posters
            <Card title={<Space>{t('contests.awards.version', { n: latest.version! })}<Tag color="success">{t('contests.public.current')}</Tag></Space>} extra={t('contests.awards.posters')} data-testid="awards-published">
              <AwardBoard awards={latest.awards} certificateHref={(a) => certificateUrl(contest.id, latest.version!, a.entryId)} posterHref={(a) => posterUrl(contest.id, a, latest.version!)} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('contests.awards.versions')} extra={<a href={`/results/${contest.id}`} target="_blank" rel="noreferrer"><GlobalOutlined /> {t('contests.overview.publicLink')}</a>}>
            <Alert type="info" className="ss-block" title={t('contests.awards.republishNote')} />
            <List
              dataSource={[...(versions.data ?? [])].reverse()}
              locale={{ emptyText: t('contests.awards.noVersions') }}
              renderItem={(v) => (
                <List.Item actions={[<a key="pdf" href={certificateUrl(contest.id, v.version!)}><FilePdfOutlined /> {t('contests.awards.certificates')}</a>]}>
                  <List.Item.Meta
                    title={<Space>{t('contests.awards.version', { n: v.version! })}{v === latest && <Tag color="success">{t('contests.public.current')}</Tag>}</Space>}
                    description={`${dayjs(v.publishedAt).format('YYYY-MM-DD HH:mm')} · ${t('contests.awards.count', { n: v.awards.length })}`}
                  />
                </List.Item>
              )}
            />
          </Card>
          {finalists.length > 0 && (
            <Card title={t('contests.awards.finalistPosters', { stage: lastStage.name })} className="ss-block-top" data-testid="finalist-posters">
              <List
                size="small"
                dataSource={finalists}
                renderItem={(f) => (
                  <List.Item actions={[<a key="poster" href={finalistPosterUrl(contest.id, f.entryId)} target="_blank" rel="noreferrer"><PictureOutlined /> {t('contests.awards.poster')}</a>]}>
                    <List.Item.Meta title={f.name} description={`${f.organisationName} · ${f.trackName}`} />
                  </List.Item>
                )}
              />
            </Card>
          )}
          {d && latest && (
            <Card title={t('contests.awards.certificate')} className="ss-block-top">
              <AwardBoard awards={latest.awards} certificateHref={(a) => certificateUrl(contest.id, latest.version!, a.entryId)} posterHref={(a) => posterUrl(contest.id, a, latest.version!)} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
