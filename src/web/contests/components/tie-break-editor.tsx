import { Button, Select } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { StageDef, TieBreakRule } from '../api.ts';
import type { Edit, PathErrors } from './definition-edit.ts';
import { Field } from './field.tsx';

type Props = { stage: StageDef; index: number; edit: Edit; errors: PathErrors; readOnly: boolean };
const KINDS: TieBreakRule['kind'][] = ['roundScore', 'fewerViolations', 'earlierFinish', 'decider'];

function withKind(kind: TieBreakRule['kind'], roundId: string): TieBreakRule {
  if (kind === 'fewerViolations') return { kind };
  if (kind === 'earlierFinish') return { kind, roundId: roundId || undefined };
  return { kind, roundId };
}

/** The ordered tie-break chain: each rule splits what the ones above it left tied. */
export function TieBreakEditor({ stage, index, edit, errors, readOnly }: Props) {
  const { t } = useI18n();
  const rounds = stage.rounds.map((r) => ({ value: r.id, label: r.name || r.id }));
  const move = (k: number, by: number) =>
    edit((d) => {
      const list = d.stages[index].tieBreaks;
      const [x] = list.splice(k, 1);
      list.splice(k + by, 0, x);
    });
  return (
    <div className="ss-ties">
      {stage.tieBreaks.map((tb, k) => {
        const f = `stages[${index}].tieBreaks[${k}]`;
        const roundId = 'roundId' in tb ? (tb.roundId ?? '') : '';
        return (
          <div className="ss-ties__row" key={k}>
            <span className="ss-ties__no">{k + 1}</span>
            <Field error={errors[`${f}.kind`]}>
              <Select value={tb.kind} disabled={readOnly} options={KINDS.map((x) => ({ value: x, label: t(`contests.tieBreakKind.${x}`) }))} onChange={(v) => edit((d) => void (d.stages[index].tieBreaks[k] = withKind(v, roundId)))} />
            </Field>
            {tb.kind !== 'fewerViolations' ? (
              <Field error={errors[`${f}.roundId`]}>
                <Select
                  value={roundId || undefined}
                  allowClear={tb.kind === 'earlierFinish'}
                  disabled={readOnly}
                  placeholder={t('contests.builder.anyRound')}
                  options={rounds}
                  onChange={(v?: string) => edit((d) => void (d.stages[index].tieBreaks[k] = withKind(tb.kind, v ?? '')))}
                />
              </Field>
            ) : (
              <span />
            )}
            {!readOnly && (
              <span className="ss-ties__tools">
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={k === 0} onClick={() => move(k, -1)} aria-label="up" />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={k === stage.tieBreaks.length - 1} onClick={() => move(k, 1)} aria-label="down" />
                <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => edit((d) => void d.stages[index].tieBreaks.splice(k, 1))} aria-label={t('common.remove')} />
              </span>
            )}
          </div>
        );
      })}
      {!readOnly && (
        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => edit((d) => void d.stages[index].tieBreaks.push({ kind: 'fewerViolations' }))}>
          {t('contests.builder.addTieBreak')}
        </Button>
      )}
    </div>
  );
}
