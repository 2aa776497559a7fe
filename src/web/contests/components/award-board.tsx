import { Empty, Tag } from 'antd';
import { CrownFilled, PictureOutlined, StarFilled, TrophyFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { StoredAward } from '../api.ts';

const TONE = ['gold', 'silver', 'bronze'];

type Props = { awards: StoredAward[]; certificateHref?: (a: StoredAward) => string; posterHref?: (a: StoredAward) => string };

/**
 * Awards grouped by track, then by tier in place order: the honour list as the public sees it.
 * Awards to one person (最佳个人) come last, in their own section, with the person's team.
 */
export function AwardBoard({ awards, certificateHref, posterHref }: Props) {
  const { t, lang } = useI18n();
  if (awards.length === 0) return <Empty description={t('contests.awards.none')} />;
  const teamAwards = awards.filter((a) => a.personId === undefined);
  const personAwards = awards.filter((a) => a.personId !== undefined);
  const tracks = [...new Map(teamAwards.map((a) => [a.trackId, a.trackName])).entries()];
  const links = (a: StoredAward) => (
    <>
      {a.shared && <Tag color="purple">{t('contests.awards.shared')}</Tag>}
      {certificateHref && <a href={certificateHref(a)} className="ss-award-item__cert">{t('contests.awards.certificate')}</a>}
      {posterHref && <a href={posterHref(a)} className="ss-award-item__cert" target="_blank" rel="noreferrer" data-testid={`poster-${a.entryId}${a.personId ? `-${a.personId}` : ''}`}><PictureOutlined /> {t('contests.awards.poster')}</a>}
    </>
  );
  return (
    <div className="ss-award-board" data-testid="award-board">
      {tracks.map(([trackId, trackName]) => {
        const list = teamAwards.filter((a) => a.trackId === trackId).sort((a, b) => a.place - b.place);
        const tiers = [...new Map(list.map((a) => [a.tierId, lang === 'zh-CN' ? a.tierNameZh : a.tierName])).entries()];
        return (
          <section key={trackId} className="ss-award-track">
            <h2>{trackName}</h2>
            {tiers.map(([tierId, tierName], k) => (
              <div key={tierId} className={`ss-award-tier ss-award-tier--${TONE[k] ?? 'plain'}`}>
                <div className="ss-award-tier__name">
                  {k === 0 ? <CrownFilled /> : <TrophyFilled />} {tierName}
                </div>
                <div className="ss-award-tier__list">
                  {list.filter((a) => a.tierId === tierId).map((a) => (
                    <div key={`${a.entryId}-${a.source}`} className="ss-award-item">
                      <strong>{a.entryName}</strong>
                      <span>{a.organisationName}{a.members.length > 0 ? ` · ${a.members.join('、')}` : ''}</span>
                      {links(a)}
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </section>
        );
      })}
      {personAwards.length > 0 && (
        <section className="ss-award-track" data-testid="award-individuals">
          <h2>{t('contests.awards.bestIndividual')}</h2>
          {[...new Map(personAwards.map((a) => [a.tierId, lang === 'zh-CN' ? a.tierNameZh : a.tierName])).entries()].map(([tierId, tierName]) => (
            <div key={tierId} className="ss-award-tier ss-award-tier--gold">
              <div className="ss-award-tier__name"><StarFilled /> {tierName}</div>
              <div className="ss-award-tier__list">
                {personAwards.filter((a) => a.tierId === tierId).map((a) => (
                  <div key={`${a.entryId}-${a.personId}-${a.source}`} className="ss-award-item">
                    <strong>{a.personName}</strong>
                    <span>{t('contests.awards.team', { name: a.entryName })} · {a.organisationName} · {a.trackName}</span>
                    {links(a)}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
