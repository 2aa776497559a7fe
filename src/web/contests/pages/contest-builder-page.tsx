import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Col, Form, Row } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { useOrganisations } from '../../identity/api.ts';
import { problemsOf, updateContest, type Contest, type Definition, type Settings } from '../api.ts';
import { BasicsEditor } from '../components/basics-editor.tsx';
import { ContestFrame } from '../components/contest-frame.tsx';
import { newStage, pathErrors, problemStages, type Edit, type PathErrors } from '../components/definition-edit.ts';
import { FlowDiagram } from '../components/flow-diagram.tsx';
import { QuotaEditor } from '../components/quota-editor.tsx';
import { StageEditor } from '../components/stage-editor.tsx';
import '../contests.css';

/** 赛制编排: the definition as a form, the diagram redrawn as it changes; the server's engine validates on save. */
export function ContestBuilderPage() {
  const contestId = Number(useParams().contestId);
  return (
    <ContestFrame contestId={contestId} tab="builder">
      {(c, reload) => <Builder key={c.updatedAt} contest={c} onSaved={reload} />}
    </ContestFrame>
  );
}

function Builder({ contest, onSaved }: { contest: Contest; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const orgs = useOrganisations();
  const [def, setDef] = useState<Definition>(() => structuredClone(contest.definition));
  const [title, setTitle] = useState(contest.title);
  const [settings, setSettings] = useState<Settings>(contest.settings);
  const [problems, setProblems] = useState<ReturnType<typeof problemsOf>>([]);
  const { busy, error, setError, run } = useAction();
  const readOnly = !contest.canManage || (contest.status !== 'draft' && contest.status !== 'registration');
  const errors: PathErrors = useMemo(() => pathErrors(problems, lang), [problems, lang]);
  const edit: Edit = useCallback((change) => setDef((d) => {
    const next = structuredClone(d);
    change(next);
    return next;
  }), []);

  useEffect(() => setProblems([]), [lang]);

  const save = async () => {
    setProblems([]);
    await run(
      async () => {
        const { id: _id, title: _title, ...definition } = def;
        await updateContest(contest.id, { title, definition, settings });
        message.success(t('common.saved'));
        onSaved();
      },
      (e) => {
        // the engine's problems show on their fields, with a count above the form
        const list = problemsOf(e);
        setProblems(list);
        if (list.length > 0) setError(t('contests.builder.fixFields', { n: list.length }));
        return list.length > 0;
      },
    );
  };

  return (
    <Form layout="vertical" component="div" className="ss-builder">
      {readOnly && <Alert type="info" showIcon className="ss-block" title={t('contests.builder.readOnly', { status: t(`contests.status.${contest.status}`) })} />}
      {error && (
        <Alert
          type="error"
          showIcon
          className="ss-block"
          data-testid="builder-error"
          title={error}
          description={problems.length > 0 ? <ul className="ss-problem-list">{problems.map((p, i) => <li key={i}><code>{p.field}</code> {(lang === 'zh-CN' ? p.messageZh : undefined) ?? p.message}</li>)}</ul> : undefined}
        />
      )}
      <div className="ss-builder__diagram ss-block">
        <FlowDiagram definition={def} problemStages={problemStages(errors)} />
      </div>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          <BasicsEditor title={title} onTitle={setTitle} definition={def} settings={settings} onSettings={setSettings} edit={edit} errors={errors} readOnly={readOnly} />
          {errors.stages && <Alert type="error" className="ss-block" title={errors.stages} />}
          {def.stages.map((s, i) => (
            <StageEditor key={i} stage={s} index={i} edit={edit} errors={errors} readOnly={readOnly} />
          ))}
          {!readOnly && def.stages.length < 3 && (
            <Button block type="dashed" icon={<PlusOutlined />} className="ss-block" onClick={() => edit((d) => void d.stages.push(newStage(d)))}>
              {t('contests.builder.addStage')}
            </Button>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <div className="ss-sticky">
            {!readOnly && (
              <Button type="primary" size="large" block icon={<SaveOutlined />} loading={busy} onClick={() => void save()} className="ss-block" data-testid="save-definition">
                {t('contests.builder.save')}
              </Button>
            )}
            <QuotaEditor definition={def} organisations={orgs.data ?? []} edit={edit} errors={errors} readOnly={readOnly} />
          </div>
        </Col>
      </Row>
    </Form>
  );
}
