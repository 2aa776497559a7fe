import { contentHash, fingerprint, identityKey } from './fingerprint.ts';
import { QUESTION_TYPES, withoutLine, type ParseResult, type Question, type QuestionType, type Skipped } from './model.ts';

/**
 * The preview of an import: what each parsed question would do to the bank. Pure; the
 * service loads the existing keys, shows this plan, then commits it in one transaction.
 * - identityKey equal to an existing question's → `unchanged` when every field is equal
 *   (contentHash), else `update`; otherwise `create`. So importing the same file twice
 *   changes nothing the second time.
 * - the same identityKey twice in one file → the later one is skipped with the first's line.
 * - near-duplicates (same fingerprint: normalised stem and options, different identity)
 *   are flagged with the ids of existing questions and the lines of earlier rows; they are
 *   still imported — a person decides.
 */
export type ExistingQuestion = { id: string; identityKey: string; fingerprint: string; contentHash: string };

export type PlannedQuestion = {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  question: Question;
  existingId: string | null;
  identityKey: string;
  fingerprint: string;
  contentHash: string;
  nearDuplicates: { existingIds: string[]; lines: number[] };
};

export type ImportSummary = {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: Skipped[];
  byType: Record<QuestionType, number>;
};

export function planImport(existing: ExistingQuestion[], parsed: ParseResult): { plan: PlannedQuestion[]; summary: ImportSummary } {
  const byKey = new Map(existing.map((e) => [e.identityKey, e]));
  const byPrint = new Map<string, string[]>();
  for (const e of existing) byPrint.set(e.fingerprint, [...(byPrint.get(e.fingerprint) ?? []), e.id]);
  const seenKeys = new Map<string, number>();
  const seenPrints = new Map<string, number[]>();
  const skipped: Skipped[] = [...parsed.skipped];
  const plan: PlannedQuestion[] = [];
  for (const parsedQuestion of parsed.questions) {
    const question = withoutLine(parsedQuestion);
    const line = parsedQuestion.line;
    const key = identityKey(question);
    const firstLine = seenKeys.get(key);
    if (firstLine !== undefined) {
      skipped.push({ line, reason: `the same question as line ${firstLine}`, reasonZh: `与第 ${firstLine} 行的题目相同` });
      continue;
    }
    seenKeys.set(key, line);
    const print = fingerprint(question);
    const hash = contentHash(question);
    const match = byKey.get(key);
    const action = !match ? 'create' : match.contentHash === hash ? 'unchanged' : 'update';
    plan.push({
      line,
      action,
      question,
      existingId: match?.id ?? null,
      identityKey: key,
      fingerprint: print,
      contentHash: hash,
      nearDuplicates: {
        existingIds: (byPrint.get(print) ?? []).filter((id) => id !== match?.id),
        lines: seenPrints.get(print) ?? [],
      },
    });
    seenPrints.set(print, [...(seenPrints.get(print) ?? []), line]);
  }
  skipped.sort((a, b) => a.line - b.line);
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const p of plan) byType[p.question.type]++;
  const count = (a: PlannedQuestion['action']): number => plan.filter((p) => p.action === a).length;
  return { plan, summary: { imported: count('create'), updated: count('update'), unchanged: count('unchanged'), skipped, byType } };
}

/** What the bank would hold for a planned question, to feed the next planImport. */
export const asExisting = (p: PlannedQuestion, id: string): ExistingQuestion => ({ id, identityKey: p.identityKey, fingerprint: p.fingerprint, contentHash: p.contentHash });
