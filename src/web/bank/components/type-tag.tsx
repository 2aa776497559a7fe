import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionType } from '../api.ts';

export const TYPE_COLOURS: Record<QuestionType, string> = {
  single: 'blue',
  multiple: 'geekblue',
  truefalse: 'cyan',
  fill: 'green',
  short: 'gold',
  case: 'orange',
  scenario: 'magenta',
};

/** The question type as a coloured tag, the same colour everywhere. */
export function TypeTag({ type }: { type: QuestionType }) {
  const { t } = useI18n();
  return (
    <Tag color={TYPE_COLOURS[type]} variant="filled">
      {t(`bank.type.${type}`)}
    </Tag>
  );
}
