import type { AppContext } from '../context.ts';
import type { Db } from '../db/kysely.ts';
import type { Question } from '../bank/engine/model.ts';
import { BLANK_PATTERN, isChoiceType } from '../bank/engine/model.ts';
import { notFound } from '../errors.ts';
import { dealShuffledPaper, type CandidatePaper, type DealtQuestion } from './engine/paper-deal.ts';
import type { ExamRow } from './exam-repo.ts';

export type ContentItem = { position: number; section: number; questionId: number; questionVersionId: number; points: number; question: Question };
export type PaperContent = { paperId: number; paperSetId: number; label: string; totalScore: number; sectionTitles: (string | null)[]; items: ContentItem[]; byPosition: Map<number, ContentItem> };

/**
 * A paper's items with their question versions. Both are immutable once assembled (a new
 * question version never changes a paper), so each process keeps the last few hundred in
 * memory: the hot paths (save, submit) read no paper rows.
 */
const cache = new Map<number, Promise<PaperContent>>();
const CACHE_SIZE = 300;

export function loadPaperContent(ctx: AppContext, paperId: number, tx: Db = ctx.db): Promise<PaperContent> {
  const hit = cache.get(paperId);
  if (hit) return hit;
  const p = (async () => {
    const paper = await ctx.bank.papers.getPaper(paperId, tx);
    if (!paper) throw notFound('paper');
    const set = await ctx.bank.papers.getPaperSet(paper.paperSetId, tx);
    const items = await ctx.bank.papers.items(paperId, tx);
    const versions = await ctx.bank.questions.versionsByIds(items.map((i) => i.questionVersionId), tx);
    const content = items.map((i) => ({ ...i, question: versions.get(i.questionVersionId)!.question }));
    return {
      paperId,
      paperSetId: paper.paperSetId,
      label: paper.label,
      totalScore: paper.totalScore,
      sectionTitles: (set?.blueprint.sections ?? []).map((s) => s.title ?? null),
      items: content,
      byPosition: new Map(content.map((i) => [i.position, i])),
    };
  })();
  p.catch(() => cache.delete(paperId));
  cache.set(paperId, p);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return p;
}

/**
 * The candidate's order of questions and options (engine paper-deal), stable for (exam seed,
 * person, attempt). Questions are shuffled within their section, so 一、单选 stays before 二、多选.
 */
export function dealFor(exam: Pick<ExamRow, 'seed' | 'settings'>, personId: number, attemptNo: number, content: PaperContent): CandidatePaper {
  const sections = [...new Set(content.items.map((i) => i.section))].sort((a, b) => a - b);
  const questions: DealtQuestion[] = [];
  for (const k of sections) {
    const dealt = dealShuffledPaper({
      seed: exam.seed,
      candidateId: `${personId}#${attemptNo}#${k}`,
      questions: content.items.filter((i) => i.section === k).map((i) => ({ questionId: String(i.position), optionKeys: isChoiceType(i.question.type) ? i.question.options.map((o) => o.key) : [] })),
      shuffleQuestions: exam.settings.shuffle.questions,
      shuffleOptions: exam.settings.shuffle.options,
    });
    for (const q of dealt.questions) questions.push({ ...q, position: questions.length + 1 });
  }
  return { candidateId: `${personId}#${attemptNo}`, questions };
}

export const blankCount = (q: Question): number => (q.answer.kind === 'fill' ? q.answer.blanks.length : (q.stem.match(BLANK_PATTERN) ?? []).length);
