import { useState } from 'react';
import { App, Button, Input, Select, Upload } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { uploadAttachment, type AttachmentKind, type QuestionInput } from '../api.ts';

type Attachment = QuestionInput['attachments'][number];
type Props = { value: Attachment[]; onChange: (next: Attachment[]) => void; bankId?: number };

const KINDS: AttachmentKind[] = ['image', 'audio', 'video', 'file'];

/** The attachments a scenario question shows with its stem: uploaded media, or a name and an address. */
export function AttachmentsField({ value, onChange, bankId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const upload = async (file: File) => {
    if (!bankId) return;
    setUploading(true);
    try {
      const a = await uploadAttachment(bankId, file);
      onChange([...value, { kind: a.kind, name: a.name, url: a.url }]);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setUploading(false);
    }
  };
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
      <div className="ss-attachment-actions">
        {bankId !== undefined && (
          <Upload accept="image/*,audio/*,video/mp4,application/pdf" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
              {t('bank.editor.uploadAttachment')}
            </Button>
          </Upload>
        )}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...value, { kind: 'audio', name: '' }])}>
          {t('bank.editor.addAttachment')}
        </Button>
      </div>
    </div>
  );
}
