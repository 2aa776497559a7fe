import { Button, Card, Input, InputNumber, Segmented, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Definition, Settings } from '../api.ts';
import type { Edit, PathErrors } from './definition-edit.ts';
import { Field } from './field.tsx';

type Props = {
  title: string;
  onTitle: (v: string) => void;
  definition: Definition;
  settings: Settings;
  onSettings: (s: Settings) => void;
  edit: Edit;
  errors: PathErrors;
  readOnly: boolean;
};

/** Title, individual or team (and its size), the tracks, and the registration settings. */
export function BasicsEditor({ title, onTitle, definition, settings, onSettings, edit, errors, readOnly }: Props) {
  const { t } = useI18n();
  const entrants = definition.entrants;
  return (
    <Card title={t('contests.builder.basics')} className="ss-block">
      <div className="ss-basics">
        <Field label={t('contests.builder.title')} error={errors.title}>
          <Input value={title} disabled={readOnly} onChange={(e) => onTitle(e.target.value)} />
        </Field>
        <Field label={t('contests.builder.entrantKind')} error={errors.entrants}>
          <Segmented
            value={entrants.kind}
            disabled={readOnly}
            options={[{ value: 'individual', label: t('contests.builder.individual') }, { value: 'team', label: t('contests.builder.team') }]}
            onChange={(v) => edit((d) => void (d.entrants = v === 'team' ? { kind: 'team', size: 3 } : { kind: 'individual' }))}
          />
        </Field>
        {entrants.kind === 'team' && (
          <Field label={t('contests.builder.teamSize')} error={errors['entrants.size']} testId="team-size">
            <InputNumber value={entrants.size} disabled={readOnly} onChange={(v) => edit((d) => void (d.entrants = { kind: 'team', size: v ?? 0 }))} />
          </Field>
        )}
      </div>
      <div className="ss-basics">
        <Field label={t('contests.builder.crossOrg')}>
          <Switch checked={!!settings.allowCrossOrganisationTeams} disabled={readOnly} onChange={(v) => onSettings({ ...settings, allowCrossOrganisationTeams: v })} />
        </Field>
        <Field label={t('contests.builder.requireVideo')}>
          <Switch checked={!!settings.requireVideo} disabled={readOnly} onChange={(v) => onSettings({ ...settings, requireVideo: v })} />
        </Field>
      </div>
      <Field label={t('contests.builder.tracks')} error={errors.tracks}>
        <div className="ss-track-list">
          {definition.tracks.map((tr, i) => (
            <div className="ss-track-row" key={i}>
              <Field error={errors[`tracks[${i}].id`]}>
                <Input value={tr.id} disabled={readOnly} prefix={t('contests.builder.trackId')} onChange={(e) => edit((d) => void (d.tracks[i].id = e.target.value))} />
              </Field>
              <Field error={errors[`tracks[${i}].name`]}>
                <Input value={tr.name} disabled={readOnly} prefix={t('contests.builder.trackName')} onChange={(e) => edit((d) => void (d.tracks[i].name = e.target.value))} />
              </Field>
              <Button type="text" icon={<DeleteOutlined />} disabled={readOnly} aria-label={t('common.remove')} onClick={() => edit((d) => void d.tracks.splice(i, 1))} />
            </div>
          ))}
          {!readOnly && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => edit((d) => void d.tracks.push({ id: `track${d.tracks.length + 1}`, name: '' }))}>
              {t('contests.builder.addTrack')}
            </Button>
          )}
        </div>
      </Field>
    </Card>
  );
}
