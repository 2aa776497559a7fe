/**
 * Marking subjective items (主观题阅卷) and appeals (成绩申诉).
 *
 * Declared rules:
 * - blind queue: per question, responses in a seeded order that does not follow candidate or
 *   submission order; a queue item carries a response id and the text, never the candidate;
 * - single marking: the first mark is final;
 * - double marking: two different markers; if they differ by at most `tolerance` the final
 *   mark is their mean; otherwise a third marker (different from both) marks and the final is
 *   `mean-of-closest` (the mean of the two closest of the three; a tie — the third exactly in
 *   the middle — gives the median, which equals both pairs' means' mean) or `third` (the
 *   third marker's mark);
 * - final marks are rounded to 2 decimal places;
 * - appeals: filed → under-review → upheld | changed, or withdrawn by the candidate before a
 *   decision; every step is in the trail.
 */
import { AppError, invalid } from '../../errors.ts';
import { permutation } from './paper-deal.ts';

export type MarkableResponse = { responseId: string; questionId: string; candidateId: string; text: string };
export type BlindItem = { responseId: string; questionId: string; text: string };

/** Per question, a blind queue in a seeded order. */
export function buildBlindQueues(responses: MarkableResponse[], seed: string | number): Record<string, BlindItem[]> {
  const byQuestion = new Map<string, MarkableResponse[]>();
  for (const r of responses) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
  const out: Record<string, BlindItem[]> = {};
  for (const [questionId, list] of byQuestion) {
    const sorted = [...list].sort((a, b) => (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0));
    out[questionId] = permutation(sorted.length, `${seed}|${questionId}`).map((i) => ({ responseId: sorted[i].responseId, questionId, text: sorted[i].text }));
  }
  return out;
}

export type FinalRule = 'mean-of-closest' | 'third';
export type MarkingPolicy = { double: boolean; tolerance: number; finalRule: FinalRule };
export const DEFAULT_MARKING_POLICY: MarkingPolicy = { double: false, tolerance: 0, finalRule: 'mean-of-closest' };

export type Mark = { markerId: string; mark: number; at: number };

export type MarkingStatus = 'awaiting-first' | 'awaiting-second' | 'awaiting-third' | 'final';
export type MarkingState = { status: MarkingStatus; marks: Mark[]; final: number | null };

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The state of one response given its marks (in the order given). */
export function resolveMarks(marks: Mark[], policy: MarkingPolicy): MarkingState {
  const [a, b, c] = marks;
  if (!a) return { status: 'awaiting-first', marks, final: null };
  if (!policy.double) return { status: 'final', marks, final: round2(a.mark) };
  if (!b) return { status: 'awaiting-second', marks, final: null };
  if (Math.abs(a.mark - b.mark) <= policy.tolerance + 1e-9) return { status: 'final', marks, final: round2((a.mark + b.mark) / 2) };
  if (!c) return { status: 'awaiting-third', marks, final: null };
  if (policy.finalRule === 'third') return { status: 'final', marks, final: round2(c.mark) };
  return { status: 'final', marks, final: round2(meanOfClosest(a.mark, b.mark, c.mark)) };
}

/** The mean of the two closest of three marks; a tie gives the median. */
export function meanOfClosest(x: number, y: number, z: number): number {
  const [lo, mid, hi] = [x, y, z].sort((p, q) => p - q);
  const low = mid - lo;
  const high = hi - mid;
  if (Math.abs(low - high) < 1e-9) return mid;
  return low < high ? (lo + mid) / 2 : (mid + hi) / 2;
}

/** Record a mark: refuses a mark outside [0, max], a marker marking twice, or a mark nobody is awaiting. */
export function recordMark(state: MarkingState, mark: Mark, ctx: { max: number; policy: MarkingPolicy }): MarkingState {
  validatePolicy(ctx.policy);
  if (!Number.isFinite(mark.mark) || mark.mark < 0 || mark.mark > ctx.max) throw invalid('mark', `the mark must be between 0 and ${ctx.max}`);
  if (state.status === 'final') throw new AppError('CONFLICT', 'this response is already marked');
  if (state.marks.some((m) => m.markerId === mark.markerId)) throw invalid('markerId', 'a second or third mark must come from another marker');
  return resolveMarks([...state.marks, mark], ctx.policy);
}

export function validatePolicy(p: MarkingPolicy): void {
  if (!Number.isFinite(p.tolerance) || p.tolerance < 0) throw invalid('tolerance', 'the tolerance must be ≥ 0');
}

/** Which responses a marker may take next: not final, not already marked by them. */
export function nextForMarker(queue: BlindItem[], states: Record<string, MarkingState>, markerId: string): BlindItem | null {
  for (const item of queue) {
    const s = states[item.responseId] ?? { status: 'awaiting-first', marks: [], final: null };
    if (s.status !== 'final' && !s.marks.some((m) => m.markerId === markerId)) return item;
  }
  return null;
}

// ---- appeals -------------------------------------------------------------------------

export type AppealStatus = 'filed' | 'under-review' | 'upheld' | 'changed' | 'withdrawn';
export type TrailEntry = { at: number; actorId: string; from: AppealStatus | null; to: AppealStatus; note: string; newMark?: number };
export type Appeal = {
  appealId: string;
  attemptId: string;
  questionId: string | null;
  candidateId: string;
  reason: string;
  originalMark: number;
  finalMark: number | null;
  status: AppealStatus;
  trail: TrailEntry[];
};

export type AppealAction =
  | { type: 'start-review'; actorId: string; at: number; note?: string }
  | { type: 'uphold'; actorId: string; at: number; note: string }
  | { type: 'change'; actorId: string; at: number; note: string; newMark: number; max: number }
  | { type: 'withdraw'; actorId: string; at: number; note?: string };

export function fileAppeal(input: Omit<Appeal, 'status' | 'trail' | 'finalMark'> & { at: number; deadline?: number | null }): Appeal {
  if (input.reason.trim() === '') throw invalid('reason', 'an appeal needs a reason');
  if (input.deadline != null && input.at > input.deadline) throw invalid('at', 'the appeal period has ended');
  const { at, deadline: _deadline, ...rest } = input;
  return { ...rest, finalMark: null, status: 'filed', trail: [{ at, actorId: input.candidateId, from: null, to: 'filed', note: input.reason }] };
}

const ALLOWED: Record<AppealAction['type'], { from: AppealStatus[]; to: AppealStatus }> = {
  'start-review': { from: ['filed'], to: 'under-review' },
  uphold: { from: ['under-review'], to: 'upheld' },
  change: { from: ['under-review'], to: 'changed' },
  withdraw: { from: ['filed', 'under-review'], to: 'withdrawn' },
};

/** Move an appeal on; an action its state does not allow is a CONFLICT. */
export function transitionAppeal(appeal: Appeal, action: AppealAction): Appeal {
  const rule = ALLOWED[action.type];
  if (!rule.from.includes(appeal.status)) throw new AppError('CONFLICT', `cannot ${action.type} an appeal that is ${appeal.status}`);
  if (action.type === 'withdraw' && action.actorId !== appeal.candidateId) throw invalid('actorId', 'only the candidate may withdraw an appeal');
  if ((action.type === 'uphold' || action.type === 'change') && action.note.trim() === '') throw invalid('note', 'a decision needs a reason');
  if (action.type === 'change') {
    if (!Number.isFinite(action.newMark) || action.newMark < 0 || action.newMark > action.max) throw invalid('newMark', `the mark must be between 0 and ${action.max}`);
    if (action.newMark === appeal.originalMark) throw invalid('newMark', 'the new mark equals the original: uphold instead');
  }
  const entry: TrailEntry = { at: action.at, actorId: action.actorId, from: appeal.status, to: rule.to, note: action.note ?? '' };
  if (action.type === 'change') entry.newMark = action.newMark;
  const finalMark = action.type === 'change' ? action.newMark : action.type === 'uphold' ? appeal.originalMark : appeal.finalMark;
  return { ...appeal, status: rule.to, finalMark, trail: [...appeal.trail, entry] };
}
