import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, trackName } from './access.ts';
import { renderPoster } from './engine/poster.ts';
import { stageEntrants } from './standings-service.ts';

const day = (d: Date) => `${d.getFullYear()} 年 ${d.getMonth() + 1} 月 ${d.getDate()} 日`;

/**
 * An awardee's poster from a published version (the current one by default): public like the
 * results page it repeats. `personId` picks a best-individual award; otherwise the entry's
 * first (highest) award of the version.
 */
export async function awardPoster(ctx: AppContext, contestId: number, entryId: number, q: { version?: number; personId?: number }) {
  const c = await ctx.contests.contests.get(contestId);
  if (!c || c.status === 'draft') throw notFound('contest');
  const set = await ctx.contests.awards.published(c.id, q.version);
  if (!set) throw notFound('published results');
  const a = set.awards.find((x) => x.entryId === entryId && (q.personId === undefined ? x.personId === undefined : x.personId === q.personId));
  if (!a) throw notFound('award for this entry');
  const svg = renderPoster({
    contestTitle: c.title,
    headline: `荣获 ${a.tierNameZh}${a.shared ? '（并列）' : ''}`,
    name: a.personName ?? a.entryName,
    detail: a.personName ? `所在团队：${a.entryName}` : a.members.length > 1 ? `成员：${a.members.join('、')}` : undefined,
    organisationName: a.organisationName,
    trackName: a.trackName,
    footer: `第 ${set.version} 版公示 · ${day(set.publishedAt ?? ctx.now())}`,
  });
  return { svg, fileName: `poster-${c.id}-${entryId}${a.personId ? `-${a.personId}` : ''}-v${set.version}.svg` };
}

/** A finalist's poster (入围 + the last stage's name): for those who may read the contest. */
export async function finalistPoster(ctx: AppContext, actor: Actor, contestId: number, entryId: number) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const stages = c.definition.stages;
  const last = stages[stages.length - 1];
  if (!last) throw notFound('final stage');
  const e = (await stageEntrants(ctx, c, stages.length - 1)).find((x) => x.id === entryId);
  if (!e) throw notFound(`finalist ${entryId} of ${last.name}`);
  const svg = renderPoster({
    contestTitle: c.title,
    headline: `入围${last.name}`,
    name: e.name,
    detail: e.members.length > 1 ? `成员：${e.members.map((m) => m.name).join('、')}` : undefined,
    organisationName: e.organisationName,
    trackName: trackName(c, e.trackKey),
    footer: day(ctx.now()),
  });
  return { svg, fileName: `finalist-${c.id}-${e.id}.svg` };
}
