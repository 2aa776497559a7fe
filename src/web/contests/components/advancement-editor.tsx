import { InputNumber, Select, Space, Switch } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AdvancementRule, StageDef } from '../api.ts';
import type { Edit, PathErrors } from './definition-edit.ts';
import { Field } from './field.tsx';

type Props = { stage: StageDef; index: number; edit: Edit; errors: PathErrors; readOnly: boolean };
const KINDS: AdvancementRule['kind'][] = ['topN', 'groupPk', 'singleElimination', 'doubleElimination', 'roundRobin', 'none'];

function defaultRule(kind: AdvancementRule['kind']): AdvancementRule {
  switch (kind) {
    case 'topN':
      return { kind, perTrack: 6, tieAtCut: 'refuse' };
    case 'groupPk':
      return { kind, groupSize: 4, outPerGroup: 1, remain: 8 };
    case 'singleElimination':
      return { kind, thirdPlace: true };
    case 'doubleElimination':
      return { kind, grandFinal: 'simple' };
    default:
      return { kind };
  }
}

/** How a stage ends: top N per track, group PK, a bracket, round robin, or nothing. */
export function AdvancementEditor({ stage, index, edit, errors, readOnly }: Props) {
  const { t } = useI18n();
  const rule = stage.advancement;
  const at = `stages[${index}].advancement`;
  const set = (patch: Record<string, unknown>) => edit((d) => void Object.assign(d.stages[index].advancement, patch));
  const num = (key: string, value: number | undefined, label: string, min = 0) => (
    <Field label={label} error={errors[`${at}.${key}`]} testId={`adv-${index}-${key}`}>
      <InputNumber value={value} min={min} disabled={readOnly} onChange={(v) => set({ [key]: v ?? undefined })} />
    </Field>
  );
  return (
    <Space wrap align="start" size={16} className="ss-advancement">
      <Field label={t('contests.builder.advancementKind')} error={errors[`${at}.kind`]}>
        <Select
          className="ss-advancement__kind"
          value={rule.kind}
          disabled={readOnly}
          options={KINDS.map((k) => ({ value: k, label: t(`contests.ruleKind.${k}`) }))}
          onChange={(k) => edit((d) => void (d.stages[index].advancement = defaultRule(k)))}
        />
      </Field>
      {rule.kind === 'topN' && (
        <>
          {num('perTrack', rule.perTrack, t('contests.builder.perTrack'), 1)}
          {num('maxPerOrganisation', rule.maxPerOrganisation, t('contests.builder.maxPerOrg'))}
          <Field label={t('contests.builder.tieAtCut')}>
            <Select
              value={rule.tieAtCut}
              disabled={readOnly}
              options={[{ value: 'refuse', label: t('contests.builder.tieRefuse') }, { value: 'includeAll', label: t('contests.builder.tieIncludeAll') }]}
              onChange={(v) => set({ tieAtCut: v })}
            />
          </Field>
        </>
      )}
      {rule.kind === 'groupPk' && (
        <>
          {num('groupSize', rule.groupSize, t('contests.builder.groupSize'), 3)}
          {num('outPerGroup', rule.outPerGroup, t('contests.builder.outPerGroup'), 1)}
          {num('remain', rule.remain, t('contests.builder.remain'), 2)}
        </>
      )}
      {rule.kind === 'singleElimination' && (
        <Field label={t('contests.builder.thirdPlace')}>
          <Switch checked={rule.thirdPlace} disabled={readOnly} onChange={(v) => set({ thirdPlace: v })} />
        </Field>
      )}
      {rule.kind === 'doubleElimination' && (
        <Field label={t('contests.builder.grandFinal')}>
          <Select value={rule.grandFinal} disabled={readOnly} options={[{ value: 'simple', label: t('contests.builder.grandSimple') }, { value: 'double', label: t('contests.builder.grandDouble') }]} onChange={(v) => set({ grandFinal: v })} />
        </Field>
      )}
    </Space>
  );
}
