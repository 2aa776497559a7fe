import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Blueprint } from '../api.ts';

/** "单选 20×1 · 多选 10×2 … · 90 分" in one muted line. */
export function BlueprintSummary({ blueprint }: { blueprint: Blueprint }) {
  const { t } = useI18n();
  const parts = blueprint.sections.map((s) => `${t(`bank.type.${s.type}`)} ${s.count}×${s.pointsEach}`);
  return (
    <small>
      {parts.join(' · ')} · {t('bank.paper.pointsShort', { n: blueprint.totalScore })}
    </small>
  );
}
