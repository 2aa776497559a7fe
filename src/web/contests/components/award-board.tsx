import { Empty, Tag } from 'antd';
import { CrownFilled, TrophyFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { StoredAward } from '../api.ts';

const TONE = ['gold', 'silver', 'bronze'];

/** Awards grouped by track, then by tier in place order: the honour list as the public sees it. */
export function AwardBoard({ awards, certificateHref }: { awards: StoredAward[]; certificateHref?: (a: StoredAward) => string }) {
  const { t, lang } = useI18n();
  if (awards.length === 0) return <Empty description={t('contests.awards.none')} />;
  const tracks = [...new Map(awards.map((a) => [a.trackId, a.trackName])).entries()];
  return (
    <div className="ss-award-board" data-testid="award-board">
      {tracks.map(([trackId, trackName]) => {
        const list = awards.filter((a) => a.trackId === trackId).sort((a, b) => a.place - b.place);
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
                      {a.shared && <Tag color="purple">{t('contests.awards.shared')}</Tag>}
                      {certificateHref && <a href={certificateHref(a)} className="ss-award-item__cert">{t('contests.awards.certificate')}</a>}
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
