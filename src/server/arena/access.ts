import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { hasAnyRole, hasRoleAt, isPlatformAdmin, scopeRoots, type Actor } from '../identity/engine/authz.ts';
import type { RoundRow } from './round-repo.ts';

/**
 * Who may do what with a live round (docs/arena.md):
 * - manage (create, edit, roster, questions, start, screen token): an organiser over the
 *   round's organisation (or an ancestor), and a platform admin;
 * - host (the console, finish, the event log and its export): also a host over the
 *   organisation, or a person named in the round's host_ids;
 * - play: a contestant on the roster, or anyone joining a mass quiz (signed in, or with
 *   the join code and a nickname);
 * - watch: the big screen with the round's screen token; anyone when the round is public.
 */
export const canManageRound = (actor: Actor, row: Pick<RoundRow, 'organisationPath'>) => hasRoleAt(actor, ['organiser'], row.organisationPath);
export const canHostRound = (actor: Actor, row: Pick<RoundRow, 'organisationPath' | 'hostIds'>) =>
  hasRoleAt(actor, ['organiser', 'host'], row.organisationPath) || row.hostIds.includes(actor.personId);

export function visibleScope(actor: Actor): string[] | null {
  if (isPlatformAdmin(actor)) return null;
  if (!hasAnyRole(actor, ['organiser', 'host'])) throw forbidden('only organisers and hosts see live rounds');
  return scopeRoots(actor, ['organiser', 'host']);
}

export async function loadRound(ctx: AppContext, actor: Actor, id: number, need: 'host' | 'manage'): Promise<RoundRow> {
  const row = await ctx.arena.rounds.get(id);
  if (!row) throw notFound('live round');
  const ok = need === 'manage' ? canManageRound(actor, row) : canHostRound(actor, row);
  if (!ok) throw forbidden(`round ${row.title} belongs to ${row.organisationName}, outside what you may ${need}`);
  return row;
}

export const newSecret = () => randomBytes(24).toString('base64url');
export const newJoinCode = () => String(100000 + (randomBytes(4).readUInt32BE(0) % 900000));

const sign = (secret: string, roundId: number, playerId: string) => createHmac('sha256', secret).update(`${roundId}:${playerId}`).digest('base64url').slice(0, 24);

/** A guest (join-code) player's token: its player id and a signature by the round's secret. */
export const guestToken = (row: Pick<RoundRow, 'id' | 'secret'>, playerId: string) => `${playerId}.${sign(row.secret, row.id, playerId)}`;

export function verifyGuestToken(row: Pick<RoundRow, 'id' | 'secret'>, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const playerId = token.slice(0, dot);
  const want = Buffer.from(sign(row.secret, row.id, playerId));
  const got = Buffer.from(token.slice(dot + 1));
  return want.length === got.length && timingSafeEqual(want, got) && playerId.startsWith('g') ? playerId : null;
}

export const newGuestId = () => `g${randomBytes(6).toString('hex')}`;
export { personIdOfPlayer, personPlayerId } from './engine/player-id.ts';

export function verifyScreenToken(row: Pick<RoundRow, 'screenToken'>, token: string | undefined): boolean {
  if (!row.screenToken || !token) return false;
  const a = Buffer.from(row.screenToken);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
