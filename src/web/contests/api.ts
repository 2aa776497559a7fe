/** The contests' data (赛事编排): hooks that load, plain functions that change. Pages fetch nothing themselves. */
import type { z } from 'zod';
import type { ContestView, EntryView, UploadView } from '../../server/contests/schema.ts';
import type { AdvancementRule, ContestDef, RoundDef, RoundKind, StageDef, StageKind, TieBreakRule } from '../../server/contests/engine/contest-model.ts';
import type { RoundLine } from '../../server/contests/engine/standings.ts';
import type { TieBreakStep, TieDecision } from '../../server/contests/engine/ranking.ts';
import type { Bracket, MatchResult, MatchState } from '../../server/contests/engine/bracket.ts';
import type { GroupPkState } from '../../server/contests/engine/group-pk.ts';
import type { FunnelRow } from '../../server/contests/engine/funnel.ts';
import type { AdvanceReport, AdvanceLine } from '../../server/contests/advance-service.ts';
import type { VenueRow } from '../../server/contests/venue-repo.ts';
import type { StoredAward } from '../../server/contests/award-repo.ts';
import { api, ApiError, buildUrl, isApiError } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';

export type { AdvancementRule, ContestDef, RoundDef, RoundKind, StageDef, StageKind, TieBreakRule, AdvanceReport, AdvanceLine, Bracket, MatchState, GroupPkState, StoredAward };
export type ContestStatus = 'draft' | 'registration' | 'running' | 'finished';
export type Definition = Omit<ContestDef, 'id' | 'title'> & { id?: string; title?: string };
export type Settings = { allowCrossOrganisationTeams?: boolean; requireVideo?: boolean };
export type Contest = Omit<z.infer<typeof ContestView>, 'definition' | 'createdAt' | 'updatedAt' | 'status'> & {
  status: ContestStatus;
  definition: Definition;
  createdAt: string;
  updatedAt: string;
};
export type Entry = Omit<z.infer<typeof EntryView>, 'createdAt'> & { createdAt: string };
export type EntryStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type Upload = z.infer<typeof UploadView>;

// local shapes of the loosely typed responses, read from the services
export type StandingRow = {
  entryId: number;
  name: string;
  organisationName: string;
  rank: number;
  scoreRank: number;
  total: number;
  rounds: Record<string, RoundLine>;
  tieBreaks: TieBreakStep[];
  unresolvedWith: number[];
  explanation: string;
  explanationZh: string;
};
export type IncompleteRow = { entryId: number; name: string; organisationName: string; missingRounds: string[]; rounds: Record<string, RoundLine>; late: boolean };
export type TrackStandings = { trackId: string; trackName: string; rows: StandingRow[]; incomplete: IncompleteRow[]; decisions: TieDecision[] };
export type Standings = {
  contestId: number;
  stage: Pick<StageDef, 'id' | 'name' | 'kind' | 'rounds' | 'tieBreaks' | 'advancement'>;
  status: 'complete' | 'incomplete';
  missing: { entryId: number; name: string; trackId: string; roundId: string; late: boolean }[];
  tracks: TrackStandings[];
};
export type BracketView = {
  bracket: Bracket;
  results: MatchResult[];
  matches: MatchState[];
  placements: { finished: boolean; champion?: string; runnerUp?: string; third?: string | string[]; fourth?: string };
};
export type Venue = VenueRow;
export type VenueList = { items: Venue[]; stages: { id: string; name: string; venues: number; people: number }[] };
export type AwardSet = {
  id: number;
  version: number | null;
  status: 'draft' | 'reviewed' | 'published';
  awards: StoredAward[];
  sources: unknown[];
  computedAt: string;
  reviewedAt: string | null;
  publishedAt: string | null;
};
export type FunnelStepView = FunnelRow & { label: string; labelZh: string };
export type Funnel = { contestId: number; steps: FunnelStepView[]; genders: string[]; organisations: string[] };
export type PublicResults = {
  contestId: number;
  title: string;
  organisationName: string;
  version: number;
  current: boolean;
  publishedAt: string;
  awards: StoredAward[];
  versions: { version: number; publishedAt: string; awards: number }[];
};
export type HonourRoll = { items: { contestId: number; title: string; version: number; publishedAt: string; awards: StoredAward[] }[] };

export const ROUND_KINDS: readonly RoundKind[] = ['written', 'live', 'lookup', 'judged', 'presentation'];
export const STAGE_KINDS: readonly StageKind[] = ['preliminary', 'semifinal', 'final'];
export const STATUS_FLOW: readonly ContestStatus[] = ['draft', 'registration', 'running', 'finished'];

/** One problem of a refused definition (the engine's validateContest), keyed by its path. */
export type Problem = { field?: string; message?: string; messageZh?: string };
export function problemsOf(e: unknown): Problem[] {
  if (!isApiError(e)) return [];
  const details = e.details as unknown;
  if (Array.isArray(details)) return details as Problem[];
  return e.field ? [{ field: e.field, message: e.message }] : [];
}

// ── contests ─────────────────────────────────────────────────────────────────────────
const base = (id: number) => `/api/contests/${id}`;
export const useContests = () => useResource('contests', (signal) => api<{ items: Contest[] }>('/api/contests', { signal }).then((r) => r.items));
export const useContest = (id: number) => useResource(`contest:${id}`, (signal) => api<Contest>(base(id), { signal }));
export const createContest = (body: { title: string; organisationId: number; definition: Definition; settings?: Settings }) => api<Contest>('/api/contests', { body });
export const updateContest = (id: number, body: { title?: string; definition?: Definition; settings?: Settings }) => api<Contest>(base(id), { method: 'PATCH', body });
export const setContestStatus = (id: number, status: ContestStatus) => api<Contest>(`${base(id)}/status`, { body: { status } });

// ── registration and screening ───────────────────────────────────────────────────────
export const useEntries = (id: number, status?: EntryStatus, nonce = 0) =>
  useResource(`entries:${id}:${status ?? ''}:${nonce}`, (signal) => api<{ items: Entry[] }>(`${base(id)}/entries`, { query: { status }, signal }).then((r) => r.items));
export const useMyEntries = (id: number) => useResource(`my-entries:${id}`, (signal) => api<{ items: Entry[] }>(`${base(id)}/my-entries`, { signal }).then((r) => r.items));
export const register = (id: number, body: { trackId: string; name?: string; memberIds: number[]; introduction: string; materials: string[] }) => api<Entry>(`${base(id)}/entries`, { body });
export const reviewEntry = (id: number, entryId: number, body: { decision: 'approved' | 'rejected'; reason: string; acceptLate?: boolean }) => api<Entry>(`${base(id)}/entries/${entryId}/review`, { body });
/** Who a captain may pick (the contest-scoped picker: own organisation, not in another entry). */
export type PersonOption = { id: number; name: string; employeeNo: string; organisationName: string };
export const eligiblePeople = (id: number, q: string, signal?: AbortSignal) =>
  api<{ items: PersonOption[] }>(`${base(id)}/eligible-people`, { query: { q: q || undefined }, signal }).then((r) => r.items);
/** A registration's material (documents open inline, videos stream with range requests). */
export const materialUrl = (id: number, entryId: number, uploadId: string) => `${base(id)}/entries/${entryId}/materials/${uploadId}`;

// ── stages: standings, advancement, scores, PK, brackets ─────────────────────────────
const stageBase = (id: number, stageKey: string) => `${base(id)}/stages/${encodeURIComponent(stageKey)}`;
export const useStandings = (id: number, stageKey: string | null, nonce = 0) =>
  useResource(stageKey ? `standings:${id}:${stageKey}:${nonce}` : null, (signal) => api<Standings>(`${stageBase(id, stageKey!)}/standings`, { signal }));
export const advanceStage = (id: number, stageKey: string, dryRun: boolean) => api<AdvanceReport>(`${stageBase(id, stageKey)}/advance`, { body: { dryRun } });
export const enterScore = (id: number, body: { roundKey: string; entryId: number; score: number; violations?: number; note: string }) => api<unknown>(`${base(id)}/scores`, { method: 'PUT', body });
export const usePk = (id: number, stageKey: string | null, nonce = 0) =>
  useResource(stageKey ? `pk:${id}:${stageKey}:${nonce}` : null, (signal) => api<GroupPkState | null>(`${stageBase(id, stageKey!)}/pk`, { signal }));
export const useBracket = (id: number, stageKey: string | null, nonce = 0) =>
  useResource(stageKey ? `bracket:${id}:${stageKey}:${nonce}` : null, (signal) => api<BracketView | null>(`${stageBase(id, stageKey!)}/bracket`, { signal }));
export const createBracket = (id: number, stageKey: string, body: { kind: 'single' | 'double'; thirdPlace?: boolean }) => api<BracketView>(`${stageBase(id, stageKey)}/bracket`, { body });
export const recordMatch = (id: number, stageKey: string, body: { matchId: string; winnerId: number; score?: [number, number] }) => api<BracketView>(`${stageBase(id, stageKey)}/bracket/results`, { body });

// ── venues, funnel, awards ───────────────────────────────────────────────────────────
export const useVenues = (id: number) => useResource(`venues:${id}`, (signal) => api<VenueList>(`${base(id)}/venues`, { signal }));
export const useFunnel = (id: number) => useResource(`funnel:${id}`, (signal) => api<Funnel>(`${base(id)}/funnel`, { signal }));
export const useAwardDraft = (id: number, nonce = 0) => useResource(`award-draft:${id}:${nonce}`, (signal) => api<AwardSet | null>(`${base(id)}/awards/draft`, { signal }));
export const useAwardVersions = (id: number, nonce = 0) =>
  useResource(`award-versions:${id}:${nonce}`, (signal) => api<{ items: AwardSet[] }>(`${base(id)}/awards/versions`, { signal }).then((r) => r.items));
export const computeAwards = (id: number, sources: unknown[]) => api<AwardSet>(`${base(id)}/awards/compute`, { body: { sources } });
export const reviewAwards = (id: number) => api<AwardSet>(`${base(id)}/awards/review`, { body: {} });
export const publishAwards = (id: number) => api<AwardSet>(`${base(id)}/awards/publish`, { body: {} });
export const certificateUrl = (id: number, version: number, entryId?: number) => buildUrl(`${base(id)}/awards/certificates`, { version, entryId });
/** An awardee's shareable poster (SVG, public like the results page). */
export const posterUrl = (id: number, a: Pick<StoredAward, 'entryId' | 'personId'>, version?: number, download = false) =>
  buildUrl(`/api/public/contests/${id}/posters/${a.entryId}`, { version, personId: a.personId, download: download ? 1 : undefined });
export const finalistPosterUrl = (id: number, entryId: number, download = false) => buildUrl(`${base(id)}/finalists/${entryId}/poster`, { download: download ? 1 : undefined });

// ── public (no sign-in) ──────────────────────────────────────────────────────────────
export const usePublicResults = (id: number, version?: number) =>
  useResource(`public-results:${id}:${version ?? ''}`, (signal) => api<PublicResults>(`/api/public/contests/${id}/results`, { query: { version }, signal }));
export const useHonourRoll = () => useResource('honour-roll', (signal) => api<HonourRoll>('/api/public/honour-roll', { signal }));

// ── resumable chunked uploads ────────────────────────────────────────────────────────
export const declareUpload = (body: { fileName: string; size: number; mimeType: string; kind: 'document' | 'video' }) => api<Upload>('/api/uploads', { body });
export const getUpload = (uploadId: string) => api<Upload>(`/api/uploads/${uploadId}`);
export const completeUpload = (uploadId: string) => api<Upload>(`/api/uploads/${uploadId}/complete`, { body: {} });

/** One chunk as raw bytes (the shared client sends JSON or FormData only). */
export async function putChunk(uploadId: string, index: number, bytes: Blob, signal?: AbortSignal): Promise<Upload> {
  let res: Response;
  try {
    res = await fetch(`/api/uploads/${uploadId}/chunks/${index}`, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'application/octet-stream' }, credentials: 'include', signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message || 'network error');
  }
  const body = (await res.json().catch(() => ({}))) as Upload & { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `HTTP_${res.status}`, body.message ?? res.statusText);
  return body;
}

/**
 * Sends the chunks the server does not have yet (it reads them from the disk, so after a failure
 * a second call with the same upload resumes where the first stopped), then joins them.
 */
export async function sendFile(upload: Upload, file: File, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<Upload> {
  const current = await getUpload(upload.id);
  const have = new Set(current.receivedChunks);
  let bytes = current.receivedBytes;
  onProgress(bytes);
  for (let i = 0; i < current.chunkCount; i++) {
    if (have.has(i)) continue;
    const chunk = file.slice(i * current.chunkSize, Math.min(file.size, (i + 1) * current.chunkSize));
    const after = await putChunk(upload.id, i, chunk, signal);
    bytes = after.receivedBytes;
    onProgress(bytes);
  }
  return completeUpload(upload.id);
}
