import { Button, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionInput } from '../api.ts';
import { BLANK, countBlanks } from '../question-draft.ts';

type Props = { value: QuestionInput; onChange: (next: QuestionInput) => void };

/**
 * One row per blank (_____ in the stem), each with its accepted alternatives as tags.
 * The rows follow the stem: inserting a blank adds a row, deleting _____ from the stem drops one.
 */
export function FillBlanksField({ value, onChange }: Props) {
  const { t } = useI18n();
  const blanks = value.answer.kind === 'fill' ? value.answer.blanks : [];
  const count = Math.max(1, countBlanks(value.stem));
  const rows = Array.from({ length: count }, (_, i) => blanks[i] ?? []);

  const setBlank = (i: number, alternatives: string[]) => {
    const next = rows.map((r, j) => (j === i ? alternatives.map((a) => a.trim()).filter(Boolean) : r));
    onChange({ ...value, answer: { kind: 'fill', blanks: next } });
  };
  const insertBlank = () => {
    const hadNone = countBlanks(value.stem) === 0;
    // a stem without any _____ already has its one blank at the end: mark it, then add the new one
    const stem = hadNone && value.stem.trim() ? `${value.stem}${BLANK}` : value.stem;
    onChange({ ...value, stem: `${stem}${BLANK}`, answer: { kind: 'fill', blanks: [...rows, []] } });
  };

  return (
    <div className="ss-blanks-edit" data-testid="blanks-field">
      {rows.map((alts, i) => (
        <div key={i} className="ss-blank-row">
          <span className="ss-blank-row__no">{t('bank.editor.blankN', { n: i + 1 })}</span>
          <Select
            mode="tags"
            value={alts}
            onChange={(v: string[]) => setBlank(i, v)}
            tokenSeparators={['|', '｜']}
            placeholder={t('bank.editor.blankPlaceholder')}
            open={false}
            suffixIcon={null}
            status={alts.length === 0 ? 'warning' : undefined}
          />
        </div>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={insertBlank} block>
        {t('bank.editor.insertBlank')}
      </Button>
      <Typography.Paragraph type="secondary" className="ss-hint">
        {t('bank.editor.blanksHint', { mark: BLANK })}
      </Typography.Paragraph>
    </div>
  );
}
