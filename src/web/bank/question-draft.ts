import type { Answer, KnowledgePoint, QuestionInput, QuestionType } from './api.ts';

/** Pure helpers for the question editor and the paper views: no React, no fetching. */

export const BLANK = '_____';
export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple';
export const isJudged = (type: QuestionType) => type === 'short' || type === 'case' || type === 'scenario';
export const DEFAULT_SCORE: Record<QuestionType, number> = { single: 1, multiple: 2, truefalse: 1, fill: 2, short: 5, case: 20, scenario: 10 };

export const optionKey = (index: number) => String.fromCharCode(65 + index);

/** How many blanks a fill-in stem marks with _____ (a stem with none has one blank at the end). */
export function countBlanks(stem: string): number {
  return stem.split(BLANK).length - 1;
}

/** The answer a question of `type` starts with, keeping what still fits from `previous`. */
export function answerFor(type: QuestionType, previous?: Answer): Answer {
  if (isChoice(type)) {
    const keys = previous?.kind === 'choice' ? previous.keys : [];
    return { kind: 'choice', keys: type === 'single' ? keys.slice(0, 1) : keys };
  }
  if (type === 'truefalse') return previous?.kind === 'truefalse' ? previous : { kind: 'truefalse', value: true };
  if (type === 'fill') return previous?.kind === 'fill' ? previous : { kind: 'fill', blanks: [[]] };
  return previous?.kind === 'text' ? previous : { kind: 'text', reference: '' };
}

export function emptyQuestion(type: QuestionType = 'single'): QuestionInput {
  return {
    type,
    stem: '',
    options: isChoice(type) ? [0, 1, 2, 3].map((i) => ({ key: optionKey(i), text: '' })) : [],
    answer: answerFor(type),
    attachments: [],
    track: null,
    knowledgePoints: [],
    difficulty: 3,
    score: DEFAULT_SCORE[type],
    explanation: '',
    source: '',
    status: 'draft',
    externalKey: null,
  };
}

/** Switching the type keeps the stem and the rest, and reshapes options and answer. */
export function changeType(q: QuestionInput, type: QuestionType): QuestionInput {
  const options = isChoice(type) ? (q.options.length >= 2 ? q.options : emptyQuestion(type).options) : [];
  return { ...q, type, options, answer: answerFor(type, q.answer), score: q.type === type ? q.score : DEFAULT_SCORE[type] };
}

/** Re-letters options A, B, C … after a removal, and drops answer keys that no longer exist. */
export function reletter(q: QuestionInput, texts: string[], keep: Set<number> | null = null): QuestionInput {
  const oldKeys = q.options.map((o) => o.key);
  const options = texts.map((text, i) => ({ key: optionKey(i), text }));
  if (q.answer.kind !== 'choice') return { ...q, options };
  const kept = keep ? [...keep] : q.options.map((_, i) => i);
  const keys = q.answer.keys
    .map((k) => kept.indexOf(oldKeys.indexOf(k)))
    .filter((i) => i >= 0)
    .map(optionKey)
    .sort();
  return { ...q, options, answer: { kind: 'choice', keys } };
}

export type KpNode = KnowledgePoint & { children: KpNode[] };

/** Nests the flat knowledge-point list by parentId, sorted by name. */
export function buildKpTree(items: KnowledgePoint[]): KpNode[] {
  const byId = new Map<number, KpNode>(items.map((k) => [k.id, { ...k, children: [] }]));
  const roots: KpNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: KpNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export type KpTreeSelectNode = { value: string; title: string; key: string; children: KpTreeSelectNode[] };

/** TreeSelect data whose values are the paths (what questions and blueprints store). */
export function kpTreeSelectData(nodes: KpNode[]): KpTreeSelectNode[] {
  return nodes.map((n) => ({ value: n.path, key: n.path, title: n.name, children: kpTreeSelectData(n.children) }));
}

/** 一、二、三 … for section headings of a printed paper. */
export function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** The answer as one short line: AC, 对/错, blank alternatives, or the reference text. */
export function answerText(answer: Answer, words: { yes: string; no: string; or: string }): string {
  if (answer.kind === 'choice') return answer.keys.join('');
  if (answer.kind === 'truefalse') return answer.value ? words.yes : words.no;
  if (answer.kind === 'fill') return answer.blanks.map((alts, i) => `(${i + 1}) ${alts.join(` ${words.or} `)}`).join('；');
  return answer.reference;
}
