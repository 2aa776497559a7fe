import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest, stageOf, trackName } from './access.ts';
import { ErrorBody, StageParams } from './schema.ts';
import { stageEntrants } from './standings-service.ts';

/**
 * Who is in a stage, with their members (by track, in the definition's order): the approved registrations of the first stage, then
 * the entries the previous stage advanced (the same set as the standings). Read-only, for the
 * managers of the contest: the live-arena round builder fills a linked round's teams from it
 * (each team keeps its entry id, so the round's final scores flow back into the contest round).
 */
export const StageEntrantsView = z.object({
  contestId: z.number(),
  contestTitle: z.string(),
  stage: z.object({ id: z.string(), name: z.string(), rounds: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }),
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.string(),
      trackId: z.string(),
      trackName: z.string(),
      organisationId: z.number(),
      organisationName: z.string(),
      members: z.array(z.object({ personId: z.number(), employeeNo: z.string(), name: z.string(), role: z.string() })),
    }),
  ),
});

export async function listStageEntrants(ctx: AppContext, actor: Actor, contestId: number, stageKey: string): Promise<z.infer<typeof StageEntrantsView>> {
  const c = await loadContest(ctx, actor, contestId, 'manage');
  const { stage, index } = stageOf(c, stageKey);
  // by track in the definition's order, then as stored
  const trackOrder = new Map(c.definition.tracks.map((t, i) => [t.id, i]));
  const entries = (await stageEntrants(ctx, c, index)).map((e, i) => ({ e, i })).sort((a, b) => (trackOrder.get(a.e.trackKey) ?? 99) - (trackOrder.get(b.e.trackKey) ?? 99) || a.i - b.i).map((x) => x.e);
  return {
    contestId: c.id,
    contestTitle: c.title,
    stage: { id: stage.id, name: stage.name, rounds: stage.rounds.map((r) => ({ id: r.id, name: r.name, kind: r.kind })) },
    items: entries.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      trackId: e.trackKey,
      trackName: trackName(c, e.trackKey),
      organisationId: e.organisationId,
      organisationName: e.organisationName,
      members: e.members.map((m) => ({ personId: m.personId, employeeNo: m.employeeNo, name: m.name, role: m.role })),
    })),
  };
}

export const stageEntrantsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  app.get(
    '/contests/:id/stages/:stageKey/entrants',
    { schema: { tags: ['contests: stages'], summary: "The entries in a stage (approved, then advanced) with their members, for the contest's managers", params: StageParams, response: { 200: StageEntrantsView, ...errors } } },
    async (request) => {
      const actor = await request.requireActor();
      return listStageEntrants(ctx, actor, request.params.id, request.params.stageKey);
    },
  );
};
