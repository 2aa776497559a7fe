import type { Translate } from '../../shared/i18n/i18n-context.tsx';
import type { AdvancementRule, RoundDef, TieBreakRule } from '../api.ts';

/** The advancement rule as one readable line (每赛道前 6 名晋级 …). */
export function ruleText(t: Translate, rule: AdvancementRule): string {
  switch (rule.kind) {
    case 'topN':
      return t('contests.rule.topN', { n: rule.perTrack }) + (rule.maxPerOrganisation !== undefined ? ` · ${t('contests.rule.maxPerOrg', { n: rule.maxPerOrganisation })}` : '');
    case 'groupPk':
      return t('contests.rule.groupPk', { size: rule.groupSize, out: rule.outPerGroup, remain: rule.remain });
    case 'singleElimination':
      return t('contests.rule.singleElimination') + (rule.thirdPlace ? t('contests.rule.thirdPlace') : '');
    default:
      return t(`contests.rule.${rule.kind}`);
  }
}

export function tieBreakText(t: Translate, rule: TieBreakRule, rounds: RoundDef[]): string {
  const name = (id?: string) => rounds.find((r) => r.id === id)?.name ?? id ?? '';
  switch (rule.kind) {
    case 'roundScore':
      return t('contests.tieBreak.roundScore', { round: name(rule.roundId) });
    case 'decider':
      return t('contests.tieBreak.decider', { round: name(rule.roundId) });
    case 'earlierFinish':
      return rule.roundId ? t('contests.tieBreak.earlierFinishIn', { round: name(rule.roundId) }) : t('contests.tieBreak.earlierFinish');
    default:
      return t('contests.tieBreak.fewerViolations');
  }
}

export function normalisationText(t: Translate, r: RoundDef): string {
  return r.normalisation.kind === 'percentOfMax' ? t('contests.norm.percentOfMax', { max: r.normalisation.maxScore }) : t('contests.norm.raw');
}
