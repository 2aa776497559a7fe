import { Card, Divider, Tag, Typography } from 'antd';
import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionInput } from '../api.ts';
import { answerText, countBlanks, isJudged } from '../question-draft.ts';
import { QuestionBody } from './question-body.tsx';
import { TypeTag } from './type-tag.tsx';

type Props = { question: QuestionInput; title?: React.ReactNode };

/** What the candidate will see, redrawn on every keystroke; below a rule, what only organisers see. */
export function QuestionPreview({ question, title }: Props) {
  const { t } = useI18n();
  const blanks = question.type === 'fill' ? Math.max(1, countBlanks(question.stem)) : 0;
  const answer = answerText(question.answer, { yes: t('bank.answer.true'), no: t('bank.answer.false'), or: t('bank.answer.or') });
  return (
    <Card className="ss-preview-card" title={title ?? <><EyeOutlined /> {t('bank.editor.preview')}</>} extra={<TypeTag type={question.type} />} data-testid="question-preview">
      <div className="ss-preview-paper">
        <div className="ss-preview-paper__meta">
          {t(`bank.type.${question.type}`)} · {t('bank.paper.pointsShort', { n: question.score })}
        </div>
        {question.stem.trim() ? (
          <QuestionBody item={{ type: question.type, stem: question.stem, options: question.options, attachments: question.attachments.filter((a) => a.name.trim()), blanks }} number={1} answerLines={isJudged(question.type) ? 3 : 0} />
        ) : (
          <Typography.Text type="secondary">{t('bank.editor.previewEmpty')}</Typography.Text>
        )}
      </div>
      <Divider titlePlacement="start" plain className="ss-preview-divider">
        <LockOutlined /> {t('bank.editor.organiserOnly')}
      </Divider>
      <dl className="ss-preview-key">
        <dt>{t('bank.field.answer')}</dt>
        <dd>{answer.trim() ? <Typography.Text strong className="ss-preview-key__answer">{answer}</Typography.Text> : <Typography.Text type="danger">{t('bank.editor.noAnswer')}</Typography.Text>}</dd>
        {question.explanation.trim() && (
          <>
            <dt>{t('bank.field.explanation')}</dt>
            <dd>{question.explanation}</dd>
          </>
        )}
        {question.knowledgePoints.length > 0 && (
          <>
            <dt>{t('bank.field.knowledgePoints')}</dt>
            <dd className="ss-tags">
              {question.knowledgePoints.map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
