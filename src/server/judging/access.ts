import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { AppError, notFound } from '../errors.ts';
import { hasRoleAt, type Actor } from '../identity/engine/authz.ts';
import type { Refusal } from './engine/outcome.ts';
import type { ContestRef } from './contest-ref-repo.ts';
import type { InvitationRow } from './invitation-repo.ts';
import type { PanelRow } from './panel-repo.ts';

/**
 * Who may do what in judging (docs/judging.md):
 * - organiser: an organiser over the contest's organisation (or an ancestor), or a platform
 *   admin, manages rubrics, panels, locks, reveals, invitations and reads every result;
 * - judge: a person seated on a panel scores that panel's entries, and only as themselves;
 *   a guest judge (an invitation's person) additionally only within the invitation's contest
 *   and until it expires or is revoked. Guests hold no role grant, so no other domain sees them.
 */
export async function loadContestAsOrganiser(ctx: AppContext, actor: Actor, contestId: number, tx: Db = ctx.db): Promise<ContestRef> {
  const contest = await ctx.judging.contests.contest(contestId, tx);
  if (!contest) throw notFound('contest');
  if (!hasRoleAt(actor, ['organiser'], contest.organisationPath)) {
    throw new AppError('FORBIDDEN', `contest ${contest.title} belongs to an organisation outside your organiser scope`, { details: { reasonZh: '该赛事不在您的组织管理范围内' } });
  }
  return contest;
}

export async function loadPanelAsOrganiser(ctx: AppContext, actor: Actor, panelId: number, tx: Db = ctx.db, opts: { forUpdate?: boolean } = {}): Promise<{ panel: PanelRow; contest: ContestRef }> {
  const panel = await ctx.judging.panels.get(panelId, tx, opts);
  if (!panel) throw notFound('panel');
  const contest = await loadContestAsOrganiser(ctx, actor, panel.contestId, tx);
  return { panel, contest };
}

/** The invitation behind a guest judge, or null for staff; refuses an expired or revoked guest. */
export async function guestOf(ctx: AppContext, actor: Actor, tx: Db = ctx.db): Promise<InvitationRow | null> {
  const inv = await ctx.judging.invitations.findByPerson(actor.personId, tx);
  if (!inv) return null;
  if (inv.revokedAt) throw new AppError('FORBIDDEN', 'this guest invitation was revoked', { details: { code: 'INVITATION_REVOKED', reasonZh: '该评委邀请已被撤销' } });
  if (inv.expiresAt <= ctx.now()) throw new AppError('FORBIDDEN', 'this guest invitation has expired', { details: { code: 'INVITATION_EXPIRED', reasonZh: '该评委邀请已过期' } });
  return inv;
}

export async function loadPanelAsJudge(ctx: AppContext, actor: Actor, panelId: number, tx: Db = ctx.db, opts: { forUpdate?: boolean } = {}): Promise<PanelRow> {
  const guest = await guestOf(ctx, actor, tx);
  const panel = await ctx.judging.panels.get(panelId, tx, opts);
  if (!panel || (guest && guest.contestId !== panel.contestId)) throw notFound('panel');
  const judges = await ctx.judging.panels.judges(panelId, tx);
  if (!judges.some((j) => j.personId === actor.personId)) {
    throw new AppError('FORBIDDEN', 'you are not a judge on this panel', { details: { code: 'JUDGE_NOT_ON_PANEL', reasonZh: '您不在本评委组' } });
  }
  return panel;
}

const STATUS: Record<string, 'VALIDATION' | 'FORBIDDEN' | 'CONFLICT'> = {
  WRONG_JUDGE: 'FORBIDDEN',
  JUDGE_NOT_ON_PANEL: 'FORBIDDEN',
  CONFLICT_OF_INTEREST: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  LOCKED: 'CONFLICT',
  NOT_LOCKED: 'CONFLICT',
  INCOMPLETE: 'CONFLICT',
};

/** An engine refusal as an AppError: 400/403/409, the engine code and reasonZh in details. */
export function refusalError(r: Refusal<string> & Record<string, unknown>, field?: string): AppError {
  const { ok: _ok, reason, ...rest } = r;
  return new AppError(STATUS[r.code] ?? 'VALIDATION', reason, { field, details: rest });
}

