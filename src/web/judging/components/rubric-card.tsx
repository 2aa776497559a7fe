import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { createRubricFromLibrary, createRubricFromTemplate, updatePanel, useLibrary, useRubrics, type Criterion, type PanelView } from '../api.ts';
import { SaveToLibraryModal } from './save-to-library-modal.tsx';

type Props = { panel: PanelView; onChanged: () => void };

/**
 * The panel's rubric (评分细则); a new one copied from a built-in template or a library rubric
 * (评分细则库), switching the panel to it while nothing is scored, and keeping it in the library.
 */
export function RubricCard({ panel, onChanged }: Props) {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const rubrics = useRubrics(panel.contestId, nonce);
  const [libNonce, setLibNonce] = useState(0);
  const library = useLibrary(libNonce);
  // 'tpl:<template id>' or 'lib:<library rubric id>'
  const [source, setSource] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const current = rubrics.data?.find((r) => r.id === panel.rubricId);
  const named = (x: { name: string; nameZh: string }) => (lang === 'en' ? x.name : x.nameZh);
  const sources = [
    { label: t('judging.rubric.builtIn'), title: 'builtin', options: (library.data?.templates ?? []).map((x) => ({ value: `tpl:${x.id}`, label: named(x) })) },
    { label: t('judging.rubric.library'), title: 'library', options: (library.data?.items ?? []).map((x) => ({ value: `lib:${x.id}`, label: `${named(x)} · ${x.organisationName}` })) },
  ].filter((g) => g.options.length > 0);

  const copy = async () => {
    if (!source) return;
    try {
      const r = source.startsWith('lib:') ? await createRubricFromLibrary(panel.contestId, Number(source.slice(4))) : await createRubricFromTemplate(panel.contestId, source.slice(4));
      setNonce((n) => n + 1);
      setSource(undefined);
      void message.success(t('judging.rubric.created', { name: lang === 'en' ? r.name : r.nameZh }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const use = async (rubricId: number) => {
    try {
      await updatePanel(panel.id, { rubricId });
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Card
      size="small"
      title={current ? t('judging.rubric.title', { name: lang === 'en' ? current.name : current.nameZh, max: current.maxTotal }) : t('judging.rubric.titleEmpty')}
      extra={
        <Space>
          <Select className="ss-jrubric__select" data-testid="rubric-source" placeholder={t('judging.rubric.fromSource')} value={source} onChange={setSource} loading={library.loading} options={sources} popupMatchSelectWidth={false} />
          <Button disabled={!source} onClick={() => void copy()}>
            {t('judging.rubric.copySource')}
          </Button>
          <Select
            className="ss-jrubric__select"
            value={panel.rubricId}
            onChange={(v) => void use(v)}
            options={(rubrics.data ?? []).map((r) => ({ value: r.id, label: `${lang === 'en' ? r.name : r.nameZh} #${r.id}`, disabled: r.id === panel.rubricId }))}
          />
          {current && (
            <Button onClick={() => setSaving(true)} disabled={!library.data?.organisations.length}>
              {t('judging.library.save')}
            </Button>
          )}
        </Space>
      }
    >
      {saving && current && library.data && (
        <SaveToLibraryModal
          rubric={current}
          organisations={library.data.organisations}
          onClose={() => {
            setSaving(false);
            setLibNonce((n) => n + 1);
          }}
        />
      )}
      {current && current.usage.sheets > 0 && <Typography.Paragraph type="secondary">{t('judging.rubric.inUse', { n: current.usage.sheets })}</Typography.Paragraph>}
      <Table<Criterion>
        rowKey="key"
        size="small"
        pagination={false}
        loading={rubrics.loading}
        dataSource={current?.criteria ?? []}
        columns={[
          { title: t('judging.rubric.criterion'), render: (_, c) => (lang === 'en' ? c.name : c.nameZh) },
          { title: t('judging.rubric.weight'), align: 'right', dataIndex: 'weight' },
          { title: t('judging.rubric.range'), render: (_, c) => t('judging.rubric.rangeValue', { min: c.min, max: c.max, step: c.step }) },
          {
            title: t('judging.rubric.levels'),
            render: (_, c) => (
              <div className="ss-tags">
                {(c.descriptors ?? []).map((d) => (
                  <Tag key={`${d.from}`}>{`${d.from}–${d.to} ${lang === 'en' ? d.label : d.labelZh}`}</Tag>
                ))}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
