import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { createRubricFromTemplate, updatePanel, useRubrics, useTemplates, type Criterion, type PanelView } from '../api.ts';

type Props = { panel: PanelView; onChanged: () => void };

/** The panel's rubric (评分细则); a new one copied from a template, and switching the panel to it while nothing is scored. */
export function RubricCard({ panel, onChanged }: Props) {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const rubrics = useRubrics(panel.contestId, nonce);
  const templates = useTemplates();
  const [template, setTemplate] = useState<string | undefined>(undefined);
  const current = rubrics.data?.find((r) => r.id === panel.rubricId);

  const copy = async () => {
    if (!template) return;
    try {
      const r = await createRubricFromTemplate(panel.contestId, template);
      setNonce((n) => n + 1);
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
          <Select className="ss-jrubric__select" placeholder={t('judging.rubric.fromTemplate')} value={template} onChange={setTemplate} options={(templates.data ?? []).map((x) => ({ value: x.id, label: lang === 'en' ? x.name : x.nameZh }))} />
          <Button disabled={!template} onClick={() => void copy()}>
            {t('judging.rubric.copy')}
          </Button>
          <Select
            className="ss-jrubric__select"
            value={panel.rubricId}
            onChange={(v) => void use(v)}
            options={(rubrics.data ?? []).map((r) => ({ value: r.id, label: `${lang === 'en' ? r.name : r.nameZh} #${r.id}`, disabled: r.id === panel.rubricId }))}
          />
        </Space>
      }
    >
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
