import { QUESTION_TYPES, type AttachmentKind, type Difficulty, type QuestionStatus, type QuestionType } from './model.ts';

/**
 * The spreadsheet template (one row a question). Chinese headers are the template's own;
 * English ones are accepted too (case, spaces and underscores ignored).
 *
 *   题型 题干 选项A … 选项F 答案 专业 知识点 难度 分值 解析 来源 状态 [附件] [编号]
 *
 * Cell conventions:
 * - 题型: 单选 多选 判断 填空 简答 案例分析 情景 (or the English code: single, multiple, …);
 * - 答案: choice → letters `AC` (`A,C`, `A、C` also read); 判断 → 对/错, 正确/错误, T/F,
 *   A/B (A = 对), √/×; 填空 → blanks separated by `|`, accepted alternatives within a
 *   blank by `/` (`光猫/ONU|192.168.1.1`), a literal `|`, `/` or `\` written `\|`, `\/`, `\\`;
 *   简答/案例分析/情景 → the reference answer as written;
 * - 知识点: paths like `宽带/故障/光猫`, several separated by `;` or `；` (literal `\;`);
 * - 难度: 1–5 (or 容易 较易 中等 较难 困难), blank = 3; 分值: blank = the type's default;
 * - 状态: 草稿 / 启用 / 停用 (draft / active / retired), blank = 启用;
 * - 附件 (optional): one attachment a line, `kind|name|url` (kind image/audio/video/file or
 *   图片/音频/视频/文件; url optional); 编号 (optional): the question's external key.
 */
export type SheetColumn =
  | 'type' | 'stem' | 'answer' | 'track' | 'knowledgePoints' | 'difficulty' | 'score'
  | 'explanation' | 'source' | 'status' | 'attachments' | 'externalKey';

export const TEMPLATE_OPTION_COUNT = 6;

export const SHEET_HEADER_ZH: Record<SheetColumn, string> = {
  type: '题型', stem: '题干', answer: '答案', track: '专业', knowledgePoints: '知识点', difficulty: '难度',
  score: '分值', explanation: '解析', source: '来源', status: '状态', attachments: '附件', externalKey: '编号',
};

const ALIASES: Record<string, SheetColumn> = {
  题型: 'type', 类型: 'type', 试题类型: 'type', type: 'type', questiontype: 'type',
  题干: 'stem', 题目: 'stem', 试题内容: 'stem', stem: 'stem', question: 'stem',
  答案: 'answer', 正确答案: 'answer', 参考答案: 'answer', answer: 'answer',
  专业: 'track', 赛道: 'track', track: 'track',
  知识点: 'knowledgePoints', knowledgepoints: 'knowledgePoints', knowledgepoint: 'knowledgePoints',
  难度: 'difficulty', difficulty: 'difficulty',
  分值: 'score', 分数: 'score', score: 'score', points: 'score',
  解析: 'explanation', 答案解析: 'explanation', explanation: 'explanation',
  来源: 'source', 出处: 'source', source: 'source',
  状态: 'status', status: 'status',
  附件: 'attachments', attachments: 'attachments',
  编号: 'externalKey', 外部编号: 'externalKey', 试题编号: 'externalKey', externalkey: 'externalKey', key: 'externalKey',
};

export const REQUIRED_COLUMNS: SheetColumn[] = ['type', 'stem', 'answer'];

export type HeaderMap = { columns: Partial<Record<SheetColumn, number>>; options: number[] };

const squash = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Column positions of a header row; `options[i]` is the column of option `A`+i. */
export function mapHeaderRow(cells: string[]): HeaderMap {
  const columns: Partial<Record<SheetColumn, number>> = {};
  const options: number[] = [];
  cells.forEach((cell, i) => {
    const key = squash(cell);
    const option = /^(?:选项|option)([a-z])$/.exec(key);
    if (option) {
      const index = option[1].charCodeAt(0) - 97;
      if (options[index] === undefined) options[index] = i;
      return;
    }
    const column = ALIASES[key];
    if (column && columns[column] === undefined) columns[column] = i;
  });
  return { columns, options };
}

export const TYPE_LABEL_ZH: Record<QuestionType, string> = {
  single: '单选', multiple: '多选', truefalse: '判断', fill: '填空', short: '简答', case: '案例分析', scenario: '情景',
};

const TYPE_ALIASES: Record<string, QuestionType> = {
  单选: 'single', 单选题: 'single', 单项选择: 'single', 单项选择题: 'single',
  多选: 'multiple', 多选题: 'multiple', 多项选择: 'multiple', 多项选择题: 'multiple', 不定项: 'multiple', 不定项选择: 'multiple',
  判断: 'truefalse', 判断题: 'truefalse', 是非题: 'truefalse',
  填空: 'fill', 填空题: 'fill',
  简答: 'short', 简答题: 'short', 问答: 'short', 问答题: 'short',
  案例分析: 'case', 案例分析题: 'case', 案例: 'case', 案例题: 'case',
  情景: 'scenario', 情景题: 'scenario', 情景模拟: 'scenario', 情景模拟题: 'scenario',
  ...Object.fromEntries(QUESTION_TYPES.map((t) => [t, t])),
};

export const parseTypeLabel = (s: string): QuestionType | undefined => TYPE_ALIASES[squash(s)];

const TRUE_WORDS = new Set(['对', '正确', 't', 'true', 'a', '√', '是', 'y', 'yes', '✓', '1']);
const FALSE_WORDS = new Set(['错', '错误', 'f', 'false', 'b', '×', '否', 'n', 'no', '✗', '0']);

export function parseTrueFalse(s: string): boolean | undefined {
  const k = squash(s);
  return TRUE_WORDS.has(k) ? true : FALSE_WORDS.has(k) ? false : undefined;
}

const DIFFICULTY_WORDS: Record<string, Difficulty> = { 很容易: 1, 容易: 1, 易: 1, 较易: 2, 中: 3, 中等: 3, 一般: 3, 较难: 4, 难: 5, 困难: 5, 很难: 5 };

export function parseDifficulty(s: string): Difficulty | undefined {
  if (s.trim() === '') return 3;
  const n = Number(s.trim());
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n as Difficulty;
  return DIFFICULTY_WORDS[s.trim()];
}

export const STATUS_LABEL_ZH: Record<QuestionStatus, string> = { draft: '草稿', active: '启用', retired: '停用' };

const STATUS_ALIASES: Record<string, QuestionStatus> = {
  草稿: 'draft', draft: 'draft', 启用: 'active', 有效: 'active', 正常: 'active', active: 'active',
  停用: 'retired', 已停用: 'retired', 作废: 'retired', retired: 'retired',
};

export const parseStatus = (s: string): QuestionStatus | undefined => (s.trim() === '' ? 'active' : STATUS_ALIASES[squash(s)]);

const KIND_ALIASES: Record<string, AttachmentKind> = {
  image: 'image', 图片: 'image', audio: 'audio', 音频: 'audio', 录音: 'audio', video: 'video', 视频: 'video', file: 'file', 文件: 'file',
};

export const parseAttachmentKind = (s: string): AttachmentKind | undefined => KIND_ALIASES[squash(s)];
