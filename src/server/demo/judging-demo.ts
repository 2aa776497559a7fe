import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { systemActor } from '../identity/system-actor.ts';
import { seededRandom } from '../lib/random.ts';
import { COMPLAINT_HANDLING_TEMPLATE } from '../judging/engine/rubric.ts';
import { redeemInvitation } from '../judging/invitation-service.ts';
import { organiserState } from '../judging/board-service.ts';
import { setPanelLock } from '../judging/lock-service.ts';
import { createPanel, setOnStage } from '../judging/panel-service.ts';
import { setReveal } from '../judging/reveal-service.ts';
import { createRubric } from '../judging/rubric-service.ts';
import { submitSheet } from '../judging/score-service.ts';
import { DEMO_CONTEST_TITLE } from './contests-demo.ts';

export const DEMO_JUDGED_ROUND = 'semi-roleplay';
/** A newcomer can redeem this code (POST /api/judging/invitations/redeem) to see the guest judge's phone. */
export const DEMO_GUEST_CODE = 'DEMOBANK26';

const asActor = (p: { id: number; employeeNo: string; name: string; organisationId: number; organisationPath: string }): Actor => ({
  personId: p.id,
  employeeNo: p.employeeNo,
  name: p.name,
  organisationId: p.organisationId,
  organisationPath: p.organisationPath,
  grants: [],
  mustChangePassword: false,
});

export const DEMO_LIBRARY_RUBRIC = '投诉处理情景模拟评分细则';

/**
 * One rubric in 浙江's rubric library (评分细则库), refined from the complaint-handling template,
 * so the library is not empty: the group organiser and 浙江's see it, other provinces do not.
 * Idempotent: skipped when 浙江 already keeps a rubric of that name.
 */
async function loadLibraryRubricDemo(ctx: AppContext): Promise<void> {
  const province = (await ctx.identity.orgs.listAll()).find((o) => o.depth === 1 && o.name.includes('浙江'));
  if (!province) return;
  const exists = await ctx.db.selectFrom('rubric_library').select('id').where('organisation_id', '=', province.id).where('name_zh', '=', DEMO_LIBRARY_RUBRIC).executeTakeFirst();
  if (exists) return;
  const c = (key: string, name: string, nameZh: string, weight: number) => ({ key, name, nameZh, weight, min: 0, max: 10, step: 0.5 });
  await ctx.judging.library.insert({
    organisationId: province.id,
    name: 'Complaint-handling role-play',
    nameZh: DEMO_LIBRARY_RUBRIC,
    criteria: [
      c('business_accuracy', 'Accuracy of business knowledge', '业务知识准确性', 3),
      c('complaint_skill', 'Complaint-handling skill', '投诉处理技巧', 3),
      c('emotion_handling', 'Calming the customer', '情绪安抚', 2),
      c('expression', 'Spoken expression', '语言表达', 2),
    ],
    createdBy: null,
  });
}

/** The demo contest, or a minimal one (six 语音客服 teams) when the contests demo is absent. */
async function demoContest(ctx: AppContext): Promise<{ id: number; entryIds: number[] } | null> {
  const { db } = ctx;
  const root = await ctx.identity.orgs.findRoot();
  if (!root) return null;
  let contest = await db.selectFrom('contest').select('id').where('title', '=', DEMO_CONTEST_TITLE).orderBy('id').executeTakeFirst();
  if (!contest) {
    contest = await db.insertInto('contest').values({ organisation_id: root.id, title: DEMO_CONTEST_TITLE, status: 'running', definition: JSON.stringify({}), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    const provinces = (await ctx.identity.orgs.listAll()).filter((o) => o.parentId === root.id).slice(0, 3);
    for (const [i, p] of [...provinces, ...provinces].entries()) {
      await db.insertInto('contest_entry').values({ contest_id: contest.id, track_key: 'voice', kind: 'team', name: `${p.name}语音客服${i < provinces.length ? '一' : '二'}队`, organisation_id: p.id, captain_id: null, seed: null, status: 'approved' }).execute();
    }
  }
  // the semifinal's 语音客服 teams (those with a semifinal score), else any six of the track
  const semi = await db
    .selectFrom('contest_entry')
    .innerJoin('contest_round_score', (j) => j.onRef('contest_round_score.entry_id', '=', 'contest_entry.id').on('contest_round_score.round_key', '=', 'semi-theory'))
    .select('contest_entry.id')
    .where('contest_entry.contest_id', '=', contest.id)
    .where('contest_entry.track_key', '=', 'voice')
    .orderBy('contest_entry.id')
    .limit(6)
    .execute();
  const any = await db.selectFrom('contest_entry').select('id').where('contest_id', '=', contest.id).where('track_key', '=', 'voice').orderBy('id').limit(6).execute();
  return { id: contest.id, entryIds: (semi.length >= 6 ? semi : any).map((e) => e.id) };
}

/**
 * The judged role-play of the demo contest's semifinal (投诉场景处理): the complaint-handling
 * rubric, a panel of five (the demo `judge`, three synthetic staff judges from the provinces,
 * one guest from a bank), six 语音客服 teams. The first team is fully scored, locked and on the
 * big screen; the next two partly scored; the fourth is on stage and the demo `judge` has not
 * scored it yet. Idempotent: skipped when the round already has a panel.
 */
export async function loadJudgingDemo(ctx: AppContext): Promise<{ sheets: number }> {
  await loadLibraryRubricDemo(ctx);
  const contest = await demoContest(ctx);
  if (!contest || contest.entryIds.length < 6) return { sheets: 0 };
  if ((await ctx.judging.panels.listByContest(contest.id)).some((p) => p.roundKey === DEMO_JUDGED_ROUND)) return { sheets: 0 };
  const system = await systemActor(ctx);
  const demoJudge = await ctx.identity.people.findByEmployeeNo('judge');
  if (!demoJudge) return { sheets: 0 };
  // three synthetic judges from different provinces (the identity demo gives every 25th person the judge role)
  const synthetic = await ctx.db
    .selectFrom('person')
    .innerJoin('role_grant', 'role_grant.person_id', 'person.id')
    .select(['person.id', 'person.employee_no'])
    .where('role_grant.role', '=', 'judge')
    .where('person.employee_no', '!=', 'judge')
    .orderBy('person.employee_no')
    .execute();
  const byProvince = new Map<string, number>();
  for (const p of synthetic) if (!byProvince.has(p.employee_no.slice(0, 2))) byProvince.set(p.employee_no.slice(0, 2), p.id);
  const staff = [...byProvince.values()].slice(0, 3);

  const rubric = await createRubric(ctx, system, contest.id, { templateId: COMPLAINT_HANDLING_TEMPLATE.id });
  const expiresAt = new Date(Date.now() + 90 * 86_400_000);
  if (!(await ctx.judging.invitations.findByCode(DEMO_GUEST_CODE))) {
    await ctx.judging.invitations.insert({ code: DEMO_GUEST_CODE, contestId: contest.id, name: '赵敏（特邀评委）', affiliation: '工商银行浙江省分行客服中心', expiresAt, createdBy: null });
  }
  const guest = await redeemInvitation(ctx, { code: DEMO_GUEST_CODE });
  const judgeIds = [demoJudge.id, ...staff, guest.result.personId];
  const panel = await createPanel(ctx, system, contest.id, {
    roundKey: DEMO_JUDGED_ROUND,
    trackKey: 'voice',
    groupKey: null,
    name: '复赛投诉场景处理 · 语音客服评委组',
    rubricId: rubric.id,
    minSize: 3,
    aggregation: { rule: { kind: 'trimmed-mean', trim: 1, fallback: 'mean' }, level: 'judge-total', rounding: { decimals: 2, mode: 'half-up' } },
    conflictPolicy: { depth: 1 },
    judgeIds,
    entryIds: contest.entryIds,
  });

  const people = new Map<number, Actor>();
  for (const id of judgeIds) {
    const p = (await ctx.identity.people.get(id))!;
    people.set(id, asActor(p));
  }
  const rand = seededRandom(2607);
  const order = (await ctx.judging.panels.entries(panel.id)).map((e) => e.entryId);
  // conflicts of interest decide who may score whom: each team's eligible judges, in seat order
  const { assignment } = await organiserState(ctx, system, panel.id);
  const eligible = (entryId: number) => assignment.eligible[String(entryId)].map(Number);
  let sheets = 0;
  const score = async (judgeId: number, entryId: number, base: number) => {
    const scores = Object.fromEntries(COMPLAINT_HANDLING_TEMPLATE.criteria.map((c) => [c.key, Math.min(10, Math.max(5, Math.round((base + (rand() - 0.5) * 2.5) * 2) / 2))]));
    await submitSheet(ctx, people.get(judgeId)!, panel.id, { judgeId, entryId, scores, comment: null, clientId: `demo-${judgeId}-${entryId}` });
    sheets++;
  };
  const [first, second, third, fourth] = order;
  for (const j of eligible(first)) await score(j, first, 8.5);
  for (const j of eligible(second).slice(0, 3)) await score(j, second, 7.5);
  for (const j of eligible(third).slice(1, 3)) await score(j, third, 8);
  for (const j of eligible(fourth).filter((j) => j !== demoJudge.id).slice(0, 2)) await score(j, fourth, 7);

  await setPanelLock(ctx, system, panel.id, { locked: true, entryId: first });
  await setReveal(ctx, system, panel.id, { entryId: first, step: 999 });
  await setOnStage(ctx, system, panel.id, fourth);
  return { sheets };
}
