import { Button, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AttachmentKind, QuestionInput } from '../api.ts';

type Attachment = QuestionInput['attachments'][number];
type Props = { value: Attachment[]; onChange: (next: Attachment[]) => void };

const KINDS: AttachmentKind[] = ['image', 'audio', 'video', 'file'];

/** The attachments a scenario question shows with its stem: kind, name and an optional address. */
export function AttachmentsField({ value, onChange }: Props) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<Attachment>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <div className="ss-attachments-edit" data-testid="attachments-field">
      {value.map((a, i) => (
        <div key={i} className="ss-attachment-row">
          <Select<AttachmentKind> value={a.kind} onChange={(kind) => set(i, { kind })} options={KINDS.map((k) => ({ value: k, label: t(`bank.attachmentKind.${k}`) }))} className="ss-attachment-row__kind" style={{ width: 96 }} />
          <Input value={a.name} onChange={(e) => set(i, { name: e.target.value })} placeholder={t('bank.editor.attachmentName')} />
          <Input value={a.url ?? ''} onChange={(e) => set(i, { url: e.target.value || undefined })} placeholder={t('bank.editor.attachmentUrl')} className="ss-attachment-row__url" />
          <Button type="text" icon={<DeleteOutlined />} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('common.remove')} />
        </div>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...value, { kind: 'audio', name: '' }])} block>
        {t('bank.editor.addAttachment')}
      </Button>
    </div>
  );
}
