import { Button, Card, Divider, Input, Select, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { STAGE_KINDS, type StageDef } from '../api.ts';
import { AdvancementEditor } from './advancement-editor.tsx';
import type { Edit, PathErrors } from './definition-edit.ts';
import { Field } from './field.tsx';
import { RoundsEditor } from './rounds-editor.tsx';
import { TieBreakEditor } from './tie-break-editor.tsx';

type Props = { stage: StageDef; index: number; edit: Edit; errors: PathErrors; readOnly: boolean };

/** One stage (赛段): its name and kind, rounds with weights, tie-break chain and advancement rule. */
export function StageEditor({ stage, index, edit, errors, readOnly }: Props) {
  const { t } = useI18n();
  const at = `stages[${index}]`;
  return (
    <Card
      className="ss-block ss-stage-card"
      data-testid={`stage-editor-${index}`}
      title={
        <span className="ss-stage-card__title">
          <span className="ss-stage-card__no">{index + 1}</span>
          {stage.name || t('contests.builder.unnamedStage')}
        </span>
      }
      extra={!readOnly && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => edit((d) => void d.stages.splice(index, 1))}>{t('common.remove')}</Button>}
    >
      <div className="ss-stage-card__basics">
        <Field label={t('contests.builder.stageName')} error={errors[`${at}.name`]}>
          <Input value={stage.name} disabled={readOnly} onChange={(e) => edit((d) => void (d.stages[index].name = e.target.value))} />
        </Field>
        <Field label={t('contests.builder.stageId')} error={errors[`${at}.id`]}>
          <Input value={stage.id} disabled={readOnly} onChange={(e) => edit((d) => void (d.stages[index].id = e.target.value))} />
        </Field>
        <Field label={t('contests.builder.stageKind')} error={errors[`${at}.kind`]}>
          <Select value={stage.kind} disabled={readOnly} options={STAGE_KINDS.map((k) => ({ value: k, label: t(`contests.stage.kind.${k}`) }))} onChange={(v) => edit((d) => void (d.stages[index].kind = v))} />
        </Field>
      </div>
      <Typography.Title level={5} className="ss-section-title">{t('contests.builder.rounds')}</Typography.Title>
      <RoundsEditor stage={stage} index={index} edit={edit} errors={errors} readOnly={readOnly} />
      <Divider className="ss-divider-tight" />
      <Typography.Title level={5} className="ss-section-title">{t('contests.builder.tieBreaks')}</Typography.Title>
      <TieBreakEditor stage={stage} index={index} edit={edit} errors={errors} readOnly={readOnly} />
      <Divider className="ss-divider-tight" />
      <Typography.Title level={5} className="ss-section-title">{t('contests.builder.advancement')}</Typography.Title>
      <AdvancementEditor stage={stage} index={index} edit={edit} errors={errors} readOnly={readOnly} />
    </Card>
  );
}
