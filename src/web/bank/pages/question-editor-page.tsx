import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Row, Skeleton, Space, Tag } from 'antd';
import { HistoryOutlined, SaveOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useAction } from '../../shared/use-action.ts';
import { useTracks } from '../../identity/api.ts';
import { activateQuestion, createQuestion, retireQuestion, saveQuestion, useBank, useKnowledgePoints, useQuestion, type QuestionInput } from '../api.ts';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { QuestionForm, type FieldErrors } from '../components/question-form.tsx';
import { QuestionPreview } from '../components/question-preview.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { VersionDrawer } from '../components/version-drawer.tsx';
import { emptyQuestion } from '../question-draft.ts';
import '../bank.css';

type Problem = { field?: string; message?: string; messageZh?: string };

/** A 400 as per-field messages: the engine's problems list when there is one, else the one field the server named. */
function fieldErrors(e: unknown, lang: string, fallback: string): FieldErrors | null {
  if (!isApiError(e) || (e.status !== 400 && e.status !== 409)) return null;
  const out: FieldErrors = {};
  const details = e.details as { problems?: Problem[] } | Problem[] | undefined;
  const problems: Problem[] = Array.isArray(details) ? details : (details?.problems ?? []);
  for (const p of problems) {
    const field = p.field?.split('.')[0];
    const text = (lang === 'zh-CN' ? p.messageZh : undefined) ?? p.message;
    if (field && text) out[field] = out[field] ? `${out[field]}；${text}` : text;
  }
  if (Object.keys(out).length === 0 && e.field) out[e.field.split('.')[0]] = fallback;
  return Object.keys(out).length > 0 ? out : null;
}

const toInput = (q: QuestionInput): QuestionInput => ({
  type: q.type, stem: q.stem, options: q.options, answer: q.answer, attachments: q.attachments, track: q.track, knowledgePoints: q.knowledgePoints,
  difficulty: q.difficulty, score: q.score, explanation: q.explanation, source: q.source, status: q.status, externalKey: q.externalKey,
});

/** 编辑试题: the form on the left, the candidate's view on the right (stacked on a phone), versions in a drawer. */
export function QuestionEditorPage() {
  const { t, errorText, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const bankId = Number(params.bankId);
  const questionId = params.questionId ? Number(params.questionId) : null;
  const bank = useBank(bankId);
  const kps = useKnowledgePoints(bankId);
  const tracks = useTracks();
  const detail = useQuestion(questionId);
  const [draft, setDraft] = useState<QuestionInput | null>(questionId === null ? emptyQuestion() : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, error, setError, run } = useAction();
  const [versionsOpen, setVersionsOpen] = useState(false);
  const canManage = questionId === null ? (bank.data?.canManage ?? true) : (detail.data?.canManage ?? false);

  useEffect(() => {
    if (detail.data) setDraft(toInput(detail.data.question));
  }, [detail.data]);

  const trackOptions = (tracks.data ?? []).filter((x) => x.active).map((x) => ({ value: x.name, label: lang === 'en' ? x.nameEn : x.name }));

  /** refusals about fields show under them, with one line above the form saying so */
  const onFieldErrors = (e: unknown) => {
    const fields = fieldErrors(e, lang, errorText(e));
    setErrors(fields ?? {});
    if (fields) setError(t('bank.editor.fixFields'));
    return Boolean(fields);
  };

  const save = async () => {
    if (!draft) return;
    setErrors({});
    await run(async () => {
      if (questionId === null) {
        const created = await createQuestion(bankId, draft);
        message.success(t('bank.editor.created', { id: created.id }));
        navigate(`/banks/${bankId}/questions/${created.id}`, { replace: true });
      } else {
        const result = await saveQuestion(questionId, draft);
        message.success(result.newVersion ? t('bank.editor.savedNewVersion', { n: result.question.versionNo }) : t('common.saved'));
        detail.reload();
      }
    }, onFieldErrors);
  };

  const toggleStatus = async () => {
    if (questionId === null || !detail.data) return;
    try {
      await (detail.data.question.status === 'active' ? retireQuestion(questionId) : activateQuestion(questionId));
      detail.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const current = detail.data?.question;
  const title = questionId === null ? t('bank.editor.newTitle') : t('bank.editor.editTitle', { id: questionId });
  return (
    <div className="ss-page">
      <BankCrumbs bank={bank.data} trail={[{ label: title }]} />
      <PageHeader
        title={title}
        subtitle={
          current && (
            <Space size={8} wrap>
              <StatusBadge status={current.status} />
              <Tag variant="filled">v{current.versionNo}</Tag>
            </Space>
          )
        }
        extra={
          <Space wrap>
            {detail.data && (
              <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} data-testid="open-versions">
                {t('bank.versions.title')} ({detail.data.versions.length})
              </Button>
            )}
            {current && canManage && (
              <Button icon={current.status === 'active' ? <StopOutlined /> : <CheckCircleOutlined />} onClick={() => void toggleStatus()}>
                {current.status === 'active' ? t('bank.editor.retire') : t('bank.editor.activate')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!draft} onClick={() => void save()} data-testid="save-question">
                {t('common.save')}
              </Button>
            )}
          </Space>
        }
      />
      {detail.error ? <Alert type="error" showIcon title={errorText(detail.error)} className="ss-block" /> : null}
      {error && <Alert type="error" showIcon title={error} className="ss-block" data-testid="editor-error" />}
      {current && (detail.data?.versions.find((v) => v.versionNo === current.versionNo)?.usedByPaperItems ?? 0) > 0 && (
        <Alert type="info" showIcon title={t('bank.editor.usedHint')} className="ss-block" />
      )}
      {!draft ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={13}>
            <Card>
              <QuestionForm value={draft} onChange={setDraft} errors={errors} knowledgePoints={kps.data ?? []} tracks={trackOptions} readOnly={!canManage} bankId={bankId} />
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <div className="ss-sticky">
              <QuestionPreview question={draft} />
            </div>
          </Col>
        </Row>
      )}
      {detail.data && <VersionDrawer open={versionsOpen} versions={detail.data.versions} currentVersionNo={detail.data.question.versionNo} onClose={() => setVersionsOpen(false)} />}
    </div>
  );
}
