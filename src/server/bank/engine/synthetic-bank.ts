import type { AssemblyItem } from './blueprint.ts';
import type { QuestionType } from './model.ts';
import { mulberry32 } from './prng.ts';

/**
 * A seeded synthetic bank for benchmarks, tests and demo data: telecom customer-service
 * knowledge points (8 areas × 5 topics = 40), the four contest tracks plus common questions.
 */
export const SYNTHETIC_AREAS: Record<string, string[]> = {
  宽带: ['故障', '装机', '光猫', '提速', '资费'],
  套餐: ['变更', '资费', '融合', '流量', '合约'],
  投诉处理: ['情绪安抚', '升级流程', '赔付', '回访', '工单'],
  携号转网: ['条件', '流程', '挽留', '政策', '异常'],
  账务: ['话费', '发票', '缴费', '欠费', '退费'],
  终端: ['手机', '机顶盒', '路由器', '售后', '补贴'],
  业务规范: ['实名制', '隐私', '服务用语', '首问负责', '禁语'],
  网络质量: ['信号', '测速', '5G', '室分', '修复'],
};

export const SYNTHETIC_TRACKS = ['语音客服', '智能客服', '互联网融合客服', '质差修复客服'];

export type SyntheticBankOptions = {
  size: number;
  seed: number;
  /** Share of each type; default single 35 %, multiple 20 %, true/false 20 %, fill 15 %, short 10 %. */
  typeShares?: Partial<Record<QuestionType, number>>;
  /** Share of each difficulty 1…5; default 12/23/35/20/10 %. */
  difficultyShares?: number[];
  /** Share of questions with no track (common to all); the rest spread evenly. Default 0.3. */
  commonShare?: number;
};

const DEFAULT_TYPES: Partial<Record<QuestionType, number>> = { single: 0.35, multiple: 0.2, truefalse: 0.2, fill: 0.15, short: 0.1 };

function pick<T>(entries: [T, number][], r: number): T {
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = r * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1][0];
}

export function syntheticBank(opts: SyntheticBankOptions): AssemblyItem[] {
  const random = mulberry32(opts.seed);
  const types = Object.entries(opts.typeShares ?? DEFAULT_TYPES) as [QuestionType, number][];
  const levels = (opts.difficultyShares ?? [0.12, 0.23, 0.35, 0.2, 0.1]).map((w, i) => [i + 1, w] as [number, number]);
  const paths = Object.entries(SYNTHETIC_AREAS).flatMap(([area, topics]) => topics.map((t) => `${area}/${t}`));
  const common = opts.commonShare ?? 0.3;
  const items: AssemblyItem[] = [];
  for (let i = 0; i < opts.size; i++) {
    const kp = [paths[Math.floor(random() * paths.length)]];
    if (random() < 0.15) kp.push(paths[Math.floor(random() * paths.length)]);
    items.push({
      id: `q${String(i + 1).padStart(5, '0')}`,
      type: pick(types, random()),
      difficulty: pick(levels, random()),
      knowledgePoints: [...new Set(kp)],
      track: random() < common ? null : SYNTHETIC_TRACKS[Math.floor(random() * SYNTHETIC_TRACKS.length)],
      status: 'active',
    });
  }
  return items;
}
