import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Question } from './engine/model.ts';

/**
 * Chinese has no spaces, so PostgreSQL's parsers cannot find its words: jieba segments the
 * text and the question keeps the words space-joined in `question.tokens`, searched with
 * `to_tsvector('simple', tokens) @@ plainto_tsquery('simple', …)`, which behaves the same on
 * PGlite and PostgreSQL. Indexing uses the search mode (长词 and its parts: 指示灯 → 指示,
 * 指示灯), queries the exact mode, so a query for either finds the stem.
 */
const DOMAIN_WORDS = [
  '光猫', '携号转网', '国际漫游', '话费争议', '投诉处理', '服务规范', '宽带', '5G套餐', '千兆宽带', '融合套餐', '流量包',
  '停机保号', '实名制', '光衰', '光功率', '路由器', '机顶盒', '天翼', '首问负责', '10000号', '工单', '预处理', '质差',
  '弱覆盖', '基站', '信号', '销户', '过户', '补卡', '副卡', '亲情号', '语音信箱', '来电显示', '智能客服', '互联网融合客服',
  '质差修复', '语音客服', '视频营业厅', '升级投诉', '越级投诉', '满意度', '一次解决率', '挂机短信',
];

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

const isWord = (t: string): boolean => /[\p{L}\p{N}]/u.test(t);

const clean = (tokens: string[]): string[] => tokens.map((t) => t.trim().toLowerCase()).filter(isWord);

/** The words of a text for the index, space-joined, each once. */
export function indexTokens(text: string): string {
  return [...new Set(clean(segmenter().cutForSearch(text, true)))].join(' ');
}

/** The words of a query, space-joined ('' when it has none). */
export function queryTokens(text: string): string {
  return clean(segmenter().cut(text, true)).join(' ');
}

/** What a question is found by: its stem and its options. */
export const questionTokens = (q: Pick<Question, 'stem' | 'options'>): string => indexTokens([q.stem, ...q.options.map((o) => o.text)].join('\n'));
