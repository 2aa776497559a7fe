/** The identity domain's data: hooks that load, plain functions that change. Pages fetch nothing themselves. */
import type { z } from 'zod';
import type {
  ImportPreview,
  ImportResult,
  Me,
  Organisation,
  Person,
  SetupState as SetupStateSchema,
  Track as TrackSchema,
  PeoplePage as PeoplePageSchema,
} from '../../server/identity/schema.ts';
import type { Role } from '../../server/identity/engine/roles.ts';
import type { OrgKind } from '../../server/identity/engine/org-tree.ts';
import { api, buildUrl } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';

export type { ImportPreview, ImportResult, Me, Organisation, Person, Role, OrgKind };
export type Track = z.infer<typeof TrackSchema>;
export type SetupState = z.infer<typeof SetupStateSchema>;
export type PeoplePage = z.infer<typeof PeoplePageSchema>;
export type Gender = 'M' | 'F';

// ── session ──────────────────────────────────────────────────────────────────────────
export const fetchMe = (signal?: AbortSignal) => api<Me>('/api/auth/me', { signal });
export const fetchSetupState = (signal?: AbortSignal) => api<SetupState>('/api/setup', { signal });
export const useSetupState = () => useResource('setup', fetchSetupState);

export const signIn = (body: { employeeNo: string; password: string }) =>
  api<{ mustChangePassword: boolean }>('/api/auth/sign-in', { body });
export const signOut = () => api<void>('/api/auth/sign-out', { method: 'POST', body: {} });
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api<void>('/api/auth/change-password', { body });
export const setUpFirstAdmin = (body: { organisationName: string; employeeNo: string; name: string; password: string }) =>
  api<unknown>('/api/setup', { body });

// ── organisations and tracks ─────────────────────────────────────────────────────────
export const useOrganisations = (includeArchived = false) =>
  useResource(`orgs:${includeArchived}`, (signal) =>
    api<{ items: Organisation[] }>('/api/organisations', { query: { includeArchived: includeArchived || undefined }, signal }).then(
      (r) => r.items,
    ),
  );
export const createOrganisation = (body: { parentId: number; name: string; kind?: OrgKind }) =>
  api<Organisation>('/api/organisations', { body });
export const updateOrganisation = (id: number, body: { name?: string; kind?: OrgKind }) =>
  api<Organisation>(`/api/organisations/${id}`, { method: 'PATCH', body });
export const moveOrganisation = (id: number, parentId: number) =>
  api<Organisation>(`/api/organisations/${id}/move`, { body: { parentId } });
export const archiveOrganisation = (id: number) => api<Organisation>(`/api/organisations/${id}/archive`, { body: {} });

export const useTracks = () =>
  useResource('tracks', (signal) => api<{ items: Track[] }>('/api/tracks', { signal }).then((r) => r.items));

// ── people ───────────────────────────────────────────────────────────────────────────
export type PeopleQuery = {
  q?: string;
  organisationId?: number;
  trackId?: number;
  role?: Role;
  gender?: Gender;
  active?: 'true' | 'false';
  page: number;
  pageSize: number;
};

export const fetchPeople = (query: Partial<PeopleQuery>, signal?: AbortSignal) => api<PeoplePage>('/api/people', { query, signal });
export const usePeople = (query: PeopleQuery) =>
  useResource(JSON.stringify(query), (signal) => fetchPeople(query, signal));

export type PersonInput = {
  employeeNo: string;
  name: string;
  gender: Gender;
  organisationId: number;
  phone?: string | null;
  trackIds: number[];
  roles: Role[];
};
export type PersonPatch = Partial<Omit<PersonInput, 'employeeNo' | 'roles'>> & { active?: boolean };

export const fetchPerson = (id: number, signal?: AbortSignal) => api<Person>(`/api/people/${id}`, { signal });
export const createPerson = (body: PersonInput) => api<Person>('/api/people', { body });
export const updatePerson = (id: number, body: PersonPatch) => api<Person>(`/api/people/${id}`, { method: 'PATCH', body });
export const grantRole = (id: number, body: { role: Role; organisationId: number }) => api<unknown>(`/api/people/${id}/roles`, { body });
export const revokeRole = (id: number, grantId: number) => api<void>(`/api/people/${id}/roles/${grantId}`, { method: 'DELETE' });
export const resetPassword = (id: number) => api<{ temporaryPassword: string }>(`/api/people/${id}/reset-password`, { body: {} });

export const usePerson = (id: number | null) =>
  useResource(id === null ? null : `person:${id}`, (signal) => fetchPerson(id!, signal));

/** The signed-in person's own record (tracks are not part of /api/auth/me); undefined when the server refuses. */
export const useOwnPerson = (id: number | undefined) =>
  useResource(id === undefined ? null : `person:${id}`, (signal) => fetchPerson(id!, signal).catch(() => undefined));

/** Totals for the dashboard: one pageSize=1 query each, so only counts travel. */
export const usePeopleTotals = (trackIds: number[]) =>
  useResource(`totals:${trackIds.join(',')}`, async (signal) => {
    const [all, ...perTrack] = await Promise.all([
      fetchPeople({ pageSize: 1 }, signal),
      ...trackIds.map((trackId) => fetchPeople({ trackId, pageSize: 1 }, signal)),
    ]);
    return { total: all.total, perTrack: perTrack.map((p, i) => ({ trackId: trackIds[i], total: p.total })) };
  });

// ── import ───────────────────────────────────────────────────────────────────────────
export const templateUrl = (format: 'xlsx' | 'csv', lang: 'zh' | 'en') =>
  buildUrl('/api/people/import/template', { format, lang });

export function previewImport(file: File, createOrganisations: boolean): Promise<ImportPreview> {
  const form = new FormData();
  form.append('createOrganisations', createOrganisations ? 'true' : 'false');
  form.append('file', file, file.name);
  return api<ImportPreview>('/api/people/import', { body: form });
}
export const commitImport = (jobId: string, mode: 'valid-rows' | 'all-or-nothing') =>
  api<ImportResult>(`/api/people/import/${jobId}/commit`, { body: { mode } });
