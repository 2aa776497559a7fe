import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Input, Row, Skeleton, Space } from 'antd';
import { BuildOutlined, SaveOutlined } from '@ant-design/icons';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useTracks } from '../../identity/api.ts';
import { assemblePapers, createBlueprint, updateBlueprint, useBank, useBlueprint, useFeasibility, useKnowledgePoints, type Blueprint } from '../api.ts';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { BlueprintCoverage } from '../components/blueprint-coverage.tsx';
import { BlueprintDifficulty } from '../components/blueprint-difficulty.tsx';
import { BlueprintLimits } from '../components/blueprint-limits.tsx';
import { BlueprintSectionsTable } from '../components/blueprint-sections-table.tsx';
import { FeasibilityPanel } from '../components/feasibility-panel.tsx';
import '../bank.css';

const STARTER: Blueprint = {
  sections: [
    { type: 'single', count: 20, pointsEach: 1 },
    { type: 'multiple', count: 10, pointsEach: 2 },
    { type: 'truefalse', count: 10, pointsEach: 1 },
  ],
  totalScore: 50,
  difficulty: null,
  difficultyTolerance: 1,
  coverage: [],
  tracks: null,
  exposureCap: null,
  maxOverlap: 0.5,
};

/** What goes to the server: the total follows the sections, and half-filled coverage rows wait. */
function cleaned(b: Blueprint): Blueprint {
  return {
    ...b,
    totalScore: b.sections.reduce((n, s) => n + s.count * s.pointsEach, 0),
    coverage: (b.coverage ?? []).filter((r) => r.path),
    tracks: b.tracks && b.tracks.length > 0 ? b.tracks : null,
  };
}

/** 组卷蓝图: sections, difficulty, coverage and caps on the left, the live feasibility check on the right. */
export function BlueprintEditorPage() {
  const { t, errorText, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const bankId = Number(params.bankId);
  const blueprintId = params.blueprintId ? Number(params.blueprintId) : null;
  const bank = useBank(bankId);
  const kps = useKnowledgePoints(bankId);
  const tracks = useTracks();
  const saved = useBlueprint(blueprintId);
  const [name, setName] = useState(blueprintId === null ? t('bank.blueprint.defaultName') : '');
  const [draft, setDraft] = useState<Blueprint | null>(blueprintId === null ? STARTER : null);
  const [papers, setPapers] = useState(3);
  const [busy, setBusy] = useState<'save' | 'assemble' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (saved.data) {
      setName(saved.data.name);
      setDraft(saved.data.blueprint);
    }
  }, [saved.data]);

  const body = useMemo(() => ({ blueprint: cleaned(draft ?? STARTER), papers }), [draft, papers]);
  const feasibility = useFeasibility(bankId, body);
  const types = useMemo(() => [...new Set((draft?.sections ?? []).map((s) => s.type))], [draft]);
  const trackOptions = (tracks.data ?? []).filter((x) => x.active).map((x) => ({ value: x.name, label: lang === 'en' ? x.nameEn : x.name }));
  const patch = (p: Partial<Blueprint>) => setDraft((d) => (d ? { ...d, ...p } : d));

  const save = async () => {
    setBusy('save');
    setError(null);
    try {
      if (blueprintId === null) {
        const created = await createBlueprint(bankId, { name: name.trim(), blueprint: body.blueprint });
        message.success(t('common.saved'));
        navigate(`/banks/${bankId}/blueprints/${created.id}`, { replace: true });
      } else {
        await updateBlueprint(blueprintId, { name: name.trim(), blueprint: body.blueprint });
        message.success(t('common.saved'));
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const assemble = async () => {
    setBusy('assemble');
    setError(null);
    try {
      const result = await assemblePapers(bankId, { name: t('bank.blueprint.paperSetName', { name: name.trim() || t('bank.blueprint.defaultName'), k: papers }), blueprint: body.blueprint, papers });
      message.success(t('bank.blueprint.assembled', { n: result.papers.length }));
      navigate(`/banks/${bankId}/paper-sets/${result.paperSet.id}`);
    } catch (e) {
      const problems = isApiError(e) ? (e.details as { problems?: { message: string; messageZh: string }[] } | undefined)?.problems : undefined;
      setError(problems?.length ? problems.map((p) => (lang === 'zh-CN' ? p.messageZh : p.message)).join('；') : errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const title = blueprintId === null ? t('bank.blueprint.newTitle') : saved.data?.name ?? t('common.loading');
  return (
    <div className="ss-page">
      <BankCrumbs bank={bank.data} trail={[{ label: t('bank.browser.assembly'), to: `/banks/${bankId}/assembly` }, { label: title }]} />
      <PageHeader
        title={title}
        subtitle={t('bank.blueprint.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={!draft || !name.trim()} onClick={() => void save()}>
              {t('bank.blueprint.save')}
            </Button>
            <Button type="primary" icon={<BuildOutlined />} loading={busy === 'assemble'} disabled={!feasibility.data?.ok || feasibility.pending} onClick={() => void assemble()} data-testid="assemble">
              {t('bank.blueprint.assemble', { k: papers })}
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon closable title={error} className="ss-block" onClose={() => setError(null)} />}
      {!draft ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card className="ss-block" title={t('bank.blueprint.basics')}>
              <label className="ss-limits__row">
                <span>{t('bank.blueprint.name')}</span>
                <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder={t('bank.blueprint.namePlaceholder')} className="ss-limits__wide" />
              </label>
            </Card>
            <Card className="ss-block" title={t('bank.blueprint.sections')}>
              <BlueprintSectionsTable sections={draft.sections} onChange={(sections) => patch({ sections })} />
            </Card>
            <Row gutter={[16, 16]} className="ss-block">
              <Col xs={24} md={12}>
                <Card className="ss-card-fill" title={t('bank.blueprint.difficulty')}>
                  <BlueprintDifficulty blueprint={draft} onChange={patch} />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card className="ss-card-fill" title={t('bank.blueprint.limits')}>
                  <BlueprintLimits blueprint={draft} papers={papers} tracks={trackOptions} onChange={patch} onPapersChange={setPapers} />
                </Card>
              </Col>
            </Row>
            <Card className="ss-block" title={t('bank.blueprint.coverage')}>
              <BlueprintCoverage rules={draft.coverage ?? []} knowledgePoints={kps.data ?? []} types={types} onChange={(coverage) => patch({ coverage })} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <div className="ss-sticky">
              <FeasibilityPanel result={feasibility.data} error={feasibility.error ? errorText(feasibility.error) : null} pending={feasibility.pending} papers={papers} exposureCap={draft.exposureCap ?? null} />
            </div>
          </Col>
        </Row>
      )}
    </div>
  );
}
