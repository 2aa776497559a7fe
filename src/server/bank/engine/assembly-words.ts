import type { QuestionType } from './model.ts';

/** Words for assembly messages, English and Chinese. */
export const TYPE_EN: Record<QuestionType, string> = {
  single: 'single-choice', multiple: 'multiple-choice', truefalse: 'true/false', fill: 'fill-in-the-blank',
  short: 'short-answer', case: 'case-analysis', scenario: 'scenario',
};
export const TYPE_ZH: Record<QuestionType, string> = {
  single: '单选题', multiple: '多选题', truefalse: '判断题', fill: '填空题', short: '简答题', case: '案例分析题', scenario: '情景题',
};
const LEVEL_EN = ['very easy', 'easy', 'medium', 'hard', 'very hard'];
const LEVEL_ZH = ['容易', '较易', '中等', '较难', '困难'];

export const fmt = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1));

export type ItemSet = { types?: QuestionType[]; levels?: number[]; path?: string };

/** "hard multiple-choice items on 宽带", "items at difficulty 4, 5 (single-choice or true/false)". */
export function describeSet(set: ItemSet): { en: string; zh: string } {
  const levels = set.levels ?? [];
  const types = set.types ?? [];
  const levelEn = levels.length === 1 ? `${LEVEL_EN[levels[0] - 1]} ` : '';
  const levelZh = levels.length === 1 ? LEVEL_ZH[levels[0] - 1] : '';
  const typeEn = types.length === 1 ? `${TYPE_EN[types[0]]} ` : '';
  const typeZh = types.length === 1 ? TYPE_ZH[types[0]] : '题';
  const extraEn: string[] = [];
  const extraZh: string[] = [];
  if (levels.length > 1) {
    extraEn.push(`at difficulty ${levels.join(', ')}`);
    extraZh.push(`难度为 ${levels.join('、')}`);
  }
  if (types.length > 1) {
    extraEn.push(`of type ${types.map((t) => TYPE_EN[t]).join(' or ')}`);
    extraZh.push(`题型为${types.map((t) => TYPE_ZH[t]).join('或')}`);
  }
  const on = set.path ? ` on ${set.path}` : '';
  const onZh = set.path ? `${set.path}方面的` : '';
  return {
    en: `${levelEn}${typeEn}items${on}${extraEn.length ? ' ' + extraEn.join(' ') : ''}`,
    zh: `${onZh}${levelZh}${typeZh}${extraZh.length ? `（${extraZh.join('，')}）` : ''}`,
  };
}
