import { Button, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ROUND_KINDS, type StageDef } from '../api.ts';
import { newRound, type Edit, type PathErrors } from './definition-edit.ts';
import { Field } from './field.tsx';

type Props = { stage: StageDef; index: number; edit: Edit; errors: PathErrors; readOnly: boolean };

/** The rounds of one stage: kind, scored or decider (加赛), weight, normalisation and where the scores come from. */
export function RoundsEditor({ stage, index, edit, errors, readOnly }: Props) {
  const { t } = useI18n();
  const at = `stages[${index}].rounds`;
  const sum = stage.rounds.filter((r) => r.role === 'scored').reduce((s, r) => s + (Number(r.weightPercent) || 0), 0);
  const round = (j: number) => (d: Parameters<Parameters<Edit>[0]>[0]) => d.stages[index].rounds[j];
  return (
    <div className="ss-rounds">
      <div className="ss-rounds__head">
        <span>{t('contests.builder.roundName')}</span>
        <span>{t('contests.builder.roundKind')}</span>
        <span>{t('contests.builder.roundRole')}</span>
        <span>{t('contests.builder.weight')}</span>
        <span>{t('contests.builder.normalisation')}</span>
        <span>{t('contests.builder.source')}</span>
        <span />
      </div>
      {stage.rounds.map((r, j) => {
        const f = `${at}[${j}]`;
        return (
          <div className="ss-rounds__row" key={j} data-testid={`round-${index}-${j}`}>
            <Field error={errors[`${f}.name`] ?? errors[`${f}.id`]}>
              <Input value={r.name} disabled={readOnly} placeholder={r.id} onChange={(e) => edit((d) => void (round(j)(d).name = e.target.value))} />
            </Field>
            <Field error={errors[`${f}.kind`]}>
              <Select value={r.kind} disabled={readOnly} options={ROUND_KINDS.map((k) => ({ value: k, label: t(`contests.round.kind.${k}`) }))} onChange={(v) => edit((d) => void (round(j)(d).kind = v))} />
            </Field>
            <Field error={errors[`${f}.role`]}>
              <Select
                value={r.role}
                disabled={readOnly}
                options={[{ value: 'scored', label: t('contests.builder.roleScored') }, { value: 'decider', label: t('contests.builder.roleDecider') }]}
                onChange={(v) => edit((d) => void Object.assign(round(j)(d), { role: v, weightPercent: v === 'decider' ? 0 : round(j)(d).weightPercent }))}
              />
            </Field>
            <Field error={errors[`${f}.weightPercent`]} testId={`weight-${index}-${j}`}>
              <InputNumber value={r.weightPercent} disabled={readOnly} min={0} max={100} suffix="%" className="ss-full-width" onChange={(v) => edit((d) => void (round(j)(d).weightPercent = v ?? 0))} />
            </Field>
            <Field error={errors[`${f}.normalisation.maxScore`] ?? errors[`${f}.normalisation`]}>
              <div className="ss-rounds__norm">
                <Select
                  value={r.normalisation.kind}
                  disabled={readOnly}
                  options={[{ value: 'raw', label: t('contests.norm.raw') }, { value: 'percentOfMax', label: t('contests.norm.percent') }]}
                  onChange={(v) => edit((d) => void (round(j)(d).normalisation = v === 'raw' ? { kind: 'raw' } : { kind: 'percentOfMax', maxScore: 100 }))}
                />
                {r.normalisation.kind === 'percentOfMax' && (
                  <InputNumber
                    value={r.normalisation.maxScore}
                    disabled={readOnly}
                    prefix={t('contests.builder.maxScore')}
                    onChange={(v) => edit((d) => void (round(j)(d).normalisation = { kind: 'percentOfMax', maxScore: v ?? 0 }))}
                  />
                )}
              </div>
            </Field>
            <Field>
              <Input value={r.source ?? ''} disabled={readOnly} placeholder="exam:12" onChange={(e) => edit((d) => void (round(j)(d).source = e.target.value || undefined))} />
            </Field>
            <Button type="text" icon={<DeleteOutlined />} disabled={readOnly} aria-label={t('common.remove')} onClick={() => edit((d) => void d.stages[index].rounds.splice(j, 1))} />
          </div>
        );
      })}
      <div className="ss-rounds__foot">
        {!readOnly && (
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => edit((d) => void d.stages[index].rounds.push(newRound(d.stages[index])))}>
            {t('contests.builder.addRound')}
          </Button>
        )}
        <Typography.Text type={Math.abs(sum - 100) > 1e-9 ? 'danger' : 'secondary'} strong>
          {t('contests.flow.weightSum', { n: sum })}
        </Typography.Text>
      </div>
      {(errors[`${at}.weightPercent`] || errors[at]) && (
        <div className="ss-field-problem" data-testid={`weights-problem-${index}`}>
          {[errors[`${at}.weightPercent`], errors[at]].filter(Boolean).join('；')}
        </div>
      )}
    </div>
  );
}
