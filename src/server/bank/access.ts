import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import { forbidden, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import type { BankRow } from './bank-repo.ts';

/**
 * Who may do what with a bank (decided for issue 3, documented in docs/bank.md):
 * - manage (edit the bank, its questions, knowledge points, imports, blueprints): an
 *   organiser over the owning node or one of its ancestors (and a platform admin);
 * - use (read questions and answers, export, check feasibility, assemble and read papers):
 *   also an organiser over any node below the owner — a bank is shared down its subtree;
 * - everyone else (contestants, judges, reviewers, hosts; organisers of another branch): 403.
 */
export type BankAccess = 'use' | 'manage';

export function assertOrganiser(actor: Actor): void {
  if (!hasAnyRole(actor, ['organiser'])) throw forbidden('only organisers may use question banks');
}

export const canManageBank = (actor: Actor, bank: Pick<BankRow, 'organisationPath'>): boolean => hasRoleAt(actor, ['organiser'], bank.organisationPath);

export const canUseBank = (actor: Actor, bank: Pick<BankRow, 'organisationPath'>): boolean =>
  canManageBank(actor, bank) || actor.grants.some((g) => g.role === 'organiser' && g.idPath.startsWith(bank.organisationPath));

/** The paths that decide which banks an actor sees: its subtrees (manage) and its own grant nodes (shared down). */
export function visibility(actor: Actor): { subtrees: string[]; sharedTo: string[]; all: boolean } {
  return {
    all: isPlatformAdmin(actor),
    subtrees: scopeRoots(actor, ['organiser']),
    sharedTo: actor.grants.filter((g) => g.role === 'organiser').map((g) => g.idPath),
  };
}

export async function loadBank(ctx: AppContext, actor: Actor, id: number, need: BankAccess, tx: Db = ctx.db): Promise<BankRow> {
  assertOrganiser(actor);
  const bank = await ctx.bank.banks.get(id, tx);
  if (!bank) throw notFound('bank');
  if (!canUseBank(actor, bank)) throw forbidden(`bank ${bank.name} belongs to ${bank.organisationName}, outside your organisation subtree`);
  if (need === 'manage' && !canManageBank(actor, bank)) throw forbidden(`bank ${bank.name} is shared with you to read and use; only organisers over ${bank.organisationName} may change it`);
  return bank;
}
