import { Fragment } from 'react';
import { AudioOutlined, FileOutlined, PictureOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AttachmentKind, PaperItem, QuestionType } from '../api.ts';
import { BLANK, isJudged } from '../question-draft.ts';

export type QuestionBodyItem = Pick<PaperItem, 'type' | 'stem' | 'options' | 'attachments' | 'blanks'>;

type Props = {
  item: QuestionBodyItem;
  /** the number printed before the stem (1., 2., …); none in the editor preview */
  number?: number;
  points?: number;
  /** room to write an answer under a judged question (print) */
  answerLines?: number;
};

const ATTACHMENT_ICONS: Record<AttachmentKind, React.ReactNode> = {
  image: <PictureOutlined />,
  audio: <AudioOutlined />,
  video: <VideoCameraOutlined />,
  file: <FileOutlined />,
};

const LINES_BY_TYPE: Partial<Record<QuestionType, number>> = { short: 4, case: 8, scenario: 6 };

/** A question as the candidate sees it: stem with numbered blanks, lettered options, attachments, room to write. */
export function QuestionBody({ item, number, points, answerLines }: Props) {
  const { t } = useI18n();
  const parts = item.stem.split(BLANK);
  const trailingBlanks = item.type === 'fill' && parts.length === 1 ? Math.max(1, item.blanks) : 0;
  const longest = Math.max(0, ...item.options.map((o) => o.text.length));
  const columns = longest <= 8 ? 'four' : longest <= 20 ? 'two' : 'one';
  const lines = answerLines ?? (isJudged(item.type) ? LINES_BY_TYPE[item.type] ?? 4 : 0);

  return (
    <div className={`ss-q ss-q--${item.type}`}>
      <div className="ss-q__stem">
        {number !== undefined && <span className="ss-q__no">{number}.</span>}
        <span className="ss-q__text">
          {parts.map((part, i) => (
            <Fragment key={i}>
              {part}
              {i < parts.length - 1 && <span className="ss-q__blank">{parts.length > 2 ? i + 1 : ''}</span>}
            </Fragment>
          ))}
          {Array.from({ length: trailingBlanks }, (_, i) => (
            <span key={`t${i}`} className="ss-q__blank" />
          ))}
          {(item.type === 'truefalse' || item.options.length > 0) && <span className="ss-q__paren">（　　）</span>}
        </span>
        {points !== undefined && <span className="ss-q__points">{t('bank.paper.pointsShort', { n: points })}</span>}
      </div>
      {item.attachments.length > 0 && (
        <ul className="ss-q__attachments">
          {item.attachments.map((a, i) => (
            <li key={i}>
              {ATTACHMENT_ICONS[a.kind]} <span>{a.name}</span>
              <small>{t(`bank.attachmentKind.${a.kind}`)}</small>
              {a.url && a.kind === 'image' && <img className="ss-q__media" src={a.url} alt={a.name} />}
              {a.url && a.kind === 'audio' && <audio className="ss-q__media" src={a.url} controls preload="none" />}
              {a.url && a.kind === 'video' && <video className="ss-q__media" src={a.url} controls preload="none" />}
            </li>
          ))}
        </ul>
      )}
      {item.options.length > 0 && (
        <ol className={`ss-q__options ss-q__options--${columns}`}>
          {item.options.map((o) => (
            <li key={o.key}>
              <span className="ss-q__key">{o.key}.</span> {o.text || <span className="ss-q__placeholder">{t('bank.editor.optionEmpty')}</span>}
            </li>
          ))}
        </ol>
      )}
      {lines > 0 && (
        <div className="ss-q__lines" aria-hidden>
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} />
          ))}
        </div>
      )}
    </div>
  );
}
