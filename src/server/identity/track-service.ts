import type { AppContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { isPlatformAdmin, type Actor } from './engine/authz.ts';

export const listTracks = (ctx: AppContext) => ctx.identity.misc.listTracks();

/** Tracks are data: a platform admin adds one and every later part offers it. */
export async function createTrack(ctx: AppContext, actor: Actor, input: { code: string; name: string; nameEn: string }) {
  if (!isPlatformAdmin(actor)) throw forbidden('only a platform admin may add tracks');
  const existing = await ctx.identity.misc.listTracks();
  if (existing.some((t) => t.code === input.code)) throw new AppError('CONFLICT', `track code ${input.code} exists`, { field: 'code' });
  if (existing.some((t) => t.name === input.name)) throw new AppError('CONFLICT', `track ${input.name} exists`, { field: 'name' });
  const sort = Math.max(0, ...existing.map((t) => t.sort)) + 1;
  await ctx.identity.misc.insertTrack({ ...input, sort });
  return (await ctx.identity.misc.listTracks()).find((t) => t.code === input.code)!;
}
