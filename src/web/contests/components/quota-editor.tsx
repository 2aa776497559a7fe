import { Button, Card, InputNumber, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Definition } from '../api.ts';
import type { Edit, PathErrors } from './definition-edit.ts';
import { Field } from './field.tsx';

type Props = { definition: Definition; organisations: { id: number; name: string }[]; edit: Edit; errors: PathErrors; readOnly: boolean };

/** 名额: at most N registrations from an organisation (and its subtree) in a track. */
export function QuotaEditor({ definition, organisations, edit, errors, readOnly }: Props) {
  const { t } = useI18n();
  const orgName = new Map(organisations.map((o) => [String(o.id), o.name]));
  const rows = definition.quotas.map((q, i) => ({ ...q, i }));
  return (
    <Card
      title={t('contests.builder.quotas')}
      className="ss-block"
      extra={!readOnly && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => edit((d) => void d.quotas.push({ organisationId: String(organisations[0]?.id ?? ''), trackId: d.tracks[0]?.id ?? '', max: 1 }))}>
          {t('contests.builder.addQuota')}
        </Button>
      )}
    >
      {errors.quotas && <div className="ss-field-problem">{errors.quotas}</div>}
      <Table
        size="small"
        rowKey="i"
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
        locale={{ emptyText: t('contests.builder.noQuotas') }}
        columns={[
          {
            title: t('contests.builder.quotaOrg'),
            width: 150,
            render: (_, q) =>
              readOnly ? (orgName.get(q.organisationId) ?? q.organisationId) : (
                <Select showSearch optionFilterProp="label" className="ss-full-width" value={q.organisationId} options={organisations.map((o) => ({ value: String(o.id), label: o.name }))} onChange={(v) => edit((d) => void (d.quotas[q.i].organisationId = v))} />
              ),
          },
          {
            title: t('contests.builder.quotaTrack'),
            width: 140,
            render: (_, q) => (
              <Field error={errors[`quotas[${q.i}].trackId`]}>
                <Select value={q.trackId} disabled={readOnly} className="ss-full-width" options={definition.tracks.map((tr) => ({ value: tr.id, label: tr.name || tr.id }))} onChange={(v) => edit((d) => void (d.quotas[q.i].trackId = v))} />
              </Field>
            ),
          },
          {
            title: t('contests.builder.quotaMax'),
            width: 100,
            render: (_, q) => (
              <Field error={errors[`quotas[${q.i}].max`]}>
                <InputNumber value={q.max} disabled={readOnly} onChange={(v) => edit((d) => void (d.quotas[q.i].max = v ?? 0))} />
              </Field>
            ),
          },
          { title: '', width: 48, render: (_, q) => !readOnly && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => edit((d) => void d.quotas.splice(q.i, 1))} /> },
        ]}
      />
    </Card>
  );
}
