/** The question bank's data: hooks that load, plain functions that change. Pages fetch nothing themselves. */
import type { z } from 'zod';
import type {
  Bank,
  ImportPreview,
  ImportSummary,
  KnowledgePoint as KnowledgePointSchema,
  QuestionDetail as QuestionDetailSchema,
  QuestionInput,
  QuestionView,
  SaveQuestionResult as SaveQuestionResultSchema,
} from '../../server/bank/schema.ts';
import type {
  AnswerKey as AnswerKeySchema,
  BlueprintSchema,
  BlueprintView as BlueprintViewSchema,
  Feasibility as FeasibilitySchema,
  PaperSetDetail as PaperSetDetailSchema,
  PaperSetView as PaperSetViewSchema,
  PaperView as PaperViewSchema,
} from '../../server/bank/paper-schema.ts';
import type { AttachmentKind, QuestionStatus, QuestionType } from '../../server/bank/engine/model.ts';
import { useEffect, useState } from 'react';
import { api, buildUrl } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';

export type { Bank, ImportPreview, ImportSummary, QuestionInput, QuestionView, QuestionType, QuestionStatus, AttachmentKind };
export type KnowledgePoint = z.infer<typeof KnowledgePointSchema>;
export type QuestionDetail = z.infer<typeof QuestionDetailSchema>;
export type QuestionVersion = QuestionDetail['versions'][number];
export type SaveQuestionResult = z.infer<typeof SaveQuestionResultSchema>;
export type Blueprint = z.infer<typeof BlueprintSchema>;
export type BlueprintView = z.infer<typeof BlueprintViewSchema>;
export type Feasibility = z.infer<typeof FeasibilitySchema>;
export type AssemblyProblem = Feasibility['problems'][number];
export type PaperSetView = z.infer<typeof PaperSetViewSchema>;
export type PaperSetDetail = z.infer<typeof PaperSetDetailSchema>;
export type PaperView = z.infer<typeof PaperViewSchema>;
export type PaperItem = PaperView['sections'][number]['items'][number];
export type AnswerKey = z.infer<typeof AnswerKeySchema>;
export type Answer = QuestionInput['answer'];

// ── banks and knowledge points ───────────────────────────────────────────────────────
export const useBanks = (name?: string) =>
  useResource(`banks:${name ?? ''}`, (signal) => api<{ items: Bank[] }>('/api/banks', { query: { name }, signal }).then((r) => r.items));
export const useBank = (id: number) => useResource(`bank:${id}`, (signal) => api<Bank>(`/api/banks/${id}`, { signal }));
export const createBank = (body: { name: string; organisationId: number; description?: string }) => api<Bank>('/api/banks', { body });

export const useKnowledgePoints = (bankId: number) =>
  useResource(`kps:${bankId}`, (signal) =>
    api<{ items: KnowledgePoint[] }>(`/api/banks/${bankId}/knowledge-points`, { signal }).then((r) => r.items),
  );
export const createKnowledgePoint = (bankId: number, body: { parentId: number | null; name: string }) =>
  api<{ items: KnowledgePoint[] }>(`/api/banks/${bankId}/knowledge-points`, { body });
export const deleteKnowledgePoint = (bankId: number, kpId: number) =>
  api<{ items: KnowledgePoint[] }>(`/api/banks/${bankId}/knowledge-points/${kpId}`, { method: 'DELETE' });

// ── questions ────────────────────────────────────────────────────────────────────────
export type QuestionQuery = {
  type?: QuestionType;
  track?: string;
  difficulty?: number;
  status?: QuestionStatus;
  knowledgePoint?: string;
  q?: string;
  page: number;
  pageSize: number;
};
type QuestionPage = { items: QuestionView[]; total: number; page: number; pageSize: number };

export const fetchQuestions = (bankId: number, query: Partial<QuestionQuery>, signal?: AbortSignal) =>
  api<QuestionPage>(`/api/banks/${bankId}/questions`, { query, signal });
export const useQuestions = (bankId: number, query: QuestionQuery) =>
  useResource(`questions:${bankId}:${JSON.stringify(query)}`, (signal) => fetchQuestions(bankId, query, signal));

export const TYPES: readonly QuestionType[] = ['single', 'multiple', 'truefalse', 'fill', 'short', 'case', 'scenario'];
export const LEVELS = [1, 2, 3, 4, 5] as const;

type BankStats = { byType: Record<string, number>; byStatus: Record<string, number>; byDifficulty: Record<string, number> };
const fetchStats = (bankId: number, query: Partial<QuestionQuery>, signal?: AbortSignal) => api<BankStats>(`/api/banks/${bankId}/stats`, { query, signal });

/**
 * Counts per type and per difficulty under the current filters (without the one being
 * counted): two grouped queries on the server.
 */
export const useQuestionDistribution = (bankId: number, filters: Omit<QuestionQuery, 'page' | 'pageSize'>, nonce = 0) =>
  useResource(`dist:${bankId}:${JSON.stringify(filters)}:${nonce}`, async (signal) => {
    const { type, difficulty, ...rest } = filters;
    const [typeStats, difficultyStats] = await Promise.all([fetchStats(bankId, { ...rest, difficulty }, signal), fetchStats(bankId, { ...rest, type }, signal)]);
    return { byType: TYPES.map((t) => typeStats.byType[t] ?? 0), byDifficulty: LEVELS.map((d) => difficultyStats.byDifficulty[String(d)] ?? 0) };
  });

export const useQuestion = (id: number | null) =>
  useResource(id === null ? null : `question:${id}`, (signal) => api<QuestionDetail>(`/api/questions/${id}`, { signal }));
export const createQuestion = (bankId: number, body: QuestionInput) => api<QuestionView>(`/api/banks/${bankId}/questions`, { body });
export const saveQuestion = (id: number, body: QuestionInput) => api<SaveQuestionResult>(`/api/questions/${id}`, { method: 'PUT', body });
export const retireQuestion = (id: number) => api<QuestionView>(`/api/questions/${id}/retire`, { body: {} });
export const activateQuestion = (id: number) => api<QuestionView>(`/api/questions/${id}/activate`, { body: {} });

// ── import and export ────────────────────────────────────────────────────────────────
export const questionTemplateUrl = (format: 'xlsx' | 'csv') => buildUrl('/api/banks/import/template', { format });
export const exportUrl = (bankId: number, format: 'xlsx' | 'moodle') => buildUrl(`/api/banks/${bankId}/export`, { format });
export type ImportFormat = 'auto' | 'xlsx' | 'csv' | 'moodle' | 'gift' | 'aiken';

export function previewQuestionImport(bankId: number, file: File, format: ImportFormat): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportPreview>(`/api/banks/${bankId}/import`, { query: { format }, body: form });
}
export const commitQuestionImport = (bankId: number, jobId: string) => api<ImportSummary>(`/api/banks/${bankId}/import/${jobId}/commit`, { body: {} });

// ── blueprints, feasibility and assembly ─────────────────────────────────────────────
export const useBlueprints = (bankId: number) =>
  useResource(`blueprints:${bankId}`, (signal) => api<{ items: BlueprintView[] }>(`/api/banks/${bankId}/blueprints`, { signal }).then((r) => r.items));
export const useBlueprint = (id: number | null) =>
  useResource(id === null ? null : `blueprint:${id}`, (signal) => api<BlueprintView>(`/api/blueprints/${id}`, { signal }));
export const createBlueprint = (bankId: number, body: { name: string; blueprint: Blueprint }) =>
  api<BlueprintView>(`/api/banks/${bankId}/blueprints`, { body });
export const updateBlueprint = (id: number, body: { name?: string; blueprint?: Blueprint }) =>
  api<BlueprintView>(`/api/blueprints/${id}`, { method: 'PATCH', body });
export const deleteBlueprint = (id: number) => api<unknown>(`/api/blueprints/${id}`, { method: 'DELETE' });
export const checkFeasibility = (bankId: number, body: { blueprint: Blueprint; papers: number }, signal?: AbortSignal) =>
  api<Feasibility>(`/api/banks/${bankId}/feasibility`, { body, signal });
export const assemblePapers = (bankId: number, body: { name?: string; blueprintId?: number; blueprint?: Blueprint; papers: number; seed?: number }) =>
  api<PaperSetDetail>(`/api/banks/${bankId}/assemble`, { body });

// ── paper sets and papers ────────────────────────────────────────────────────────────
export const usePaperSets = (bankId: number) =>
  useResource(`paper-sets:${bankId}`, (signal) => api<{ items: PaperSetView[] }>(`/api/banks/${bankId}/paper-sets`, { signal }).then((r) => r.items));
export const usePaperSet = (id: number) => useResource(`paper-set:${id}`, (signal) => api<PaperSetDetail>(`/api/paper-sets/${id}`, { signal }));
export const usePaper = (id: number) => useResource(`paper:${id}`, (signal) => api<PaperView>(`/api/papers/${id}`, { signal }));
export const useAnswerKey = (id: number, wanted: boolean) =>
  useResource(wanted ? `answer-key:${id}` : null, (signal) => api<AnswerKey>(`/api/papers/${id}/answer-key`, { signal }));

/** The live check as the organiser edits: the same body within `delayMs` is sent once, and a newer one aborts an older. */
export function useFeasibility(bankId: number, body: { blueprint: Blueprint; papers: number }, delayMs = 400) {
  const key = JSON.stringify(body);
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  const resource = useResource(`feasibility:${bankId}:${settled}`, (signal) => checkFeasibility(bankId, JSON.parse(settled) as typeof body, signal));
  return { ...resource, pending: settled !== key || resource.loading };
}

// ── scenario media ─────────────────────────────────────────────────────────────────────
export type UploadedAttachment = { id: number; name: string; kind: AttachmentKind; size: number; url: string };
export function uploadAttachment(bankId: number, file: File): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<UploadedAttachment>(`/api/banks/${bankId}/attachments`, { body: form });
}
