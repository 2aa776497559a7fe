import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { writeXlsx } from '../lib/spreadsheet.ts';
import { randomGuessScore } from './engine/grading.ts';
import { analyseItems, type AttemptRecord, type ItemDef } from './engine/item-analysis.ts';
import { loadManagedExam } from './access.ts';
import type { ExamRow } from './exam-repo.ts';
import { loadPaperContent } from './paper-content.ts';
import { bestAttempts, violationCounts } from './release-service.ts';
import { resultView } from './result-service.ts';

/** Organisers' results: the table, rankings, one candidate's report, item analysis, the .xlsx export. */
async function resultRows(ctx: AppContext, exam: ExamRow) {
  const candidates = await ctx.exams.exams.candidates(exam.id);
  const best = bestAttempts(await ctx.exams.attempts.ofExam(exam.id, { submittedOnly: true }));
  const violations = await violationCounts(ctx, exam, [...best.values()].map((a) => a.id));
  const tracks = await ctx.exams.exams.trackNames(candidates.map((c) => c.personId));
  return candidates.map((c) => {
    const a = best.get(c.personId);
    return {
      personId: c.personId, employeeNo: c.employeeNo, name: c.name, organisationName: c.organisationName, organisationPath: c.organisationPath, tracks: tracks.get(c.personId) ?? [],
      attemptId: a?.id ?? null, score: a?.score ?? null, maxScore: a?.maxScore ?? null, status: a?.status ?? 'absent', submittedAt: a?.submittedAt ?? null, submitReason: a?.submitReason ?? null,
      violations: a ? (violations.get(a.id) ?? 0) : 0,
    };
  });
}
type ResultRow = Awaited<ReturnType<typeof resultRows>>[number];

/** Competition ranking (1, 2, 2, 4) by score; equal scores share a rank. */
export function rank<T extends { score: number | null }>(rows: T[]): (T & { rank: number })[] {
  const sat = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!);
  let previous = 0;
  return sat.map((r, i) => {
    previous = i > 0 && sat[i - 1].score === r.score ? previous : i + 1;
    return { ...r, rank: previous };
  });
}

export async function examResults(ctx: AppContext, actor: Actor, examId: number) {
  const exam = await loadManagedExam(ctx, actor, examId);
  const rows = await resultRows(ctx, exam);
  const ranks = new Map(rank(rows).map((r) => [r.personId, r.rank]));
  const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
  return {
    summary: { candidates: rows.length, sat: scores.length, mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, max: scores.length ? Math.max(...scores) : null, releasedAt: exam.resultsReleasedAt },
    items: rows.map(({ organisationPath: _p, ...r }) => ({ ...r, rank: ranks.get(r.personId) ?? null })),
  };
}

/** Rankings per track, or per organisation at a depth of the tree (1 = provinces). */
export async function rankings(ctx: AppContext, actor: Actor, examId: number, by: 'overall' | 'track' | 'organisation', depth: number) {
  const exam = await loadManagedExam(ctx, actor, examId);
  const rows = await resultRows(ctx, exam);
  const names = new Map((await ctx.identity.orgs.listAll()).map((o) => [o.id, o.name]));
  const groups = new Map<string, ResultRow[]>();
  const add = (k: string, r: ResultRow) => groups.set(k, [...(groups.get(k) ?? []), r]);
  for (const r of rows) {
    if (by === 'overall') add('全部', r);
    else if (by === 'track') for (const t of r.tracks.length ? r.tracks : ['（无专业）']) add(t, r);
    else {
      const ids = r.organisationPath.split('/').filter(Boolean).map(Number);
      add(names.get(ids[Math.min(depth, ids.length - 1)]) ?? '?', r);
    }
  }
  return {
    by,
    groups: [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([group, rs]) => ({
      group, candidates: rs.length, sat: rs.filter((r) => r.score !== null).length,
      rows: rank(rs).map((r) => ({ rank: r.rank, personId: r.personId, employeeNo: r.employeeNo, name: r.name, organisationName: r.organisationName, score: r.score!, maxScore: r.maxScore, violations: r.violations })),
    })),
  };
}

/** One candidate's full report (organisers): every item, the key, and scores by knowledge point. */
export async function candidateReport(ctx: AppContext, actor: Actor, attemptId: number) {
  const attempt = await ctx.exams.attempts.get(attemptId);
  if (!attempt) throw notFound('attempt');
  const exam = await loadManagedExam(ctx, actor, attempt.examId);
  return resultView(ctx, exam, attempt, { results: attempt.submittedAt !== null, answers: true });
}

/** Moodle's quiz statistics (engine item-analysis), per paper, over every submitted attempt. */
export async function itemAnalysis(ctx: AppContext, actor: Actor, examId: number) {
  const exam = await loadManagedExam(ctx, actor, examId);
  const attempts = (await ctx.exams.attempts.ofExam(examId, { submittedOnly: true })).filter((a) => a.itemScores);
  const answers = await ctx.exams.attempts.answersOfExam(examId);
  const responses = new Map(answers.map((a) => [`${a.attemptId}|${a.position}`, a.response as { kind?: string; keys?: string[] } | null]));
  const paperIds = [...new Set(attempts.map((a) => a.paperId))].sort((a, b) => a - b);
  const papers = [];
  for (const paperId of paperIds) {
    const content = await loadPaperContent(ctx, paperId);
    const items: ItemDef[] = content.items.map((i) => {
      const q = i.question;
      const choice = q.answer.kind === 'choice';
      return { slot: i.position, maxMark: i.points, randomGuessScore: randomGuessScore(q), ...(choice && { optionKeys: q.options.map((o) => o.key), correctKeys: (q.answer as { keys: string[] }).keys }) };
    });
    const records: AttemptRecord[] = attempts
      .filter((a) => a.paperId === paperId)
      .map((a) => ({
        attemptId: String(a.id), candidateId: String(a.personId), attemptNo: a.attemptNo,
        marks: Object.fromEntries(Object.entries(a.itemScores!).map(([p, s]) => [Number(p), s.s])),
        choices: Object.fromEntries(content.items.filter((i) => i.question.answer.kind === 'choice').map((i) => [i.position, responses.get(`${a.id}|${i.position}`)?.keys ?? []])),
      }));
    const analysis = analyseItems({ items, attempts: records, whichAttempts: 'all' });
    papers.push({
      paperId, label: content.label, attempts: records.length,
      questions: content.items.map((i) => ({ slot: i.position, questionId: i.questionId, type: i.question.type, stem: i.question.stem.slice(0, 120), knowledgePoints: i.question.knowledgePoints })),
      analysis,
    });
  }
  return { examId, papers };
}

export async function exportResults(ctx: AppContext, actor: Actor, examId: number): Promise<{ fileName: string; body: Buffer }> {
  const exam = await loadManagedExam(ctx, actor, examId);
  const res = await examResults(ctx, actor, examId);
  const analysis = await itemAnalysis(ctx, actor, examId);
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100);
  const body = await writeXlsx([
    {
      name: '成绩',
      rows: [['名次', '工号', '姓名', '单位', '专业', '得分', '满分', '状态', '提交时间', '提交方式', '违规次数'], ...res.items.map((r) => [r.rank, r.employeeNo, r.name, r.organisationName, r.tracks.join('、'), r.score, r.maxScore, r.status, r.submittedAt?.toISOString() ?? null, r.submitReason, r.violations])],
      widths: [6, 12, 10, 16, 14, 8, 8, 10, 22, 10, 8],
    },
    {
      name: '试题分析',
      rows: [
        ['试卷', '题号', '题型', '题干', '作答数', '平均分', '难度系数 (facility %)', '标准差', '区分度指数', '区分效率', '有效权重 %', '标记'],
        ...analysis.papers.flatMap((p) => p.analysis.items.map((s) => {
          const q = p.questions.find((x) => x.slot === s.slot)!;
          return [p.label, s.slot, q.type, q.stem, s.s, s.markAverage, pct(s.facility), s.sd, s.discriminationIndex, s.discriminativeEfficiency, s.effectiveWeight, s.flags.join(',')];
        })),
      ],
      widths: [8, 6, 10, 40, 8, 8, 12, 8, 10, 10, 10, 20],
    },
  ]);
  return { fileName: `${exam.title}-成绩.xlsx`, body };
}
