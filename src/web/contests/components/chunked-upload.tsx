import { useRef, useState } from 'react';
import { Button, Progress, Upload as AntUpload } from 'antd';
import { CheckCircleFilled, DeleteOutlined, FileOutlined, RedoOutlined, UploadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { declareUpload, sendFile, type Upload } from '../api.ts';

type Item = { key: string; file: File; kind: 'document' | 'video'; upload?: Upload; sent: number; state: 'sending' | 'failed' | 'done'; error?: string };
type Props = { onChange: (uploadIds: string[]) => void };

const isVideo = (f: File) => f.type.startsWith('video/') || /\.(mp4|mov|webm|m4v)$/i.test(f.name);

/**
 * 支持材料: each file is declared, sent in chunks with a progress bar and joined; after a failure
 * 继续上传 asks the server which chunks it has and sends only the rest.
 */
export function ChunkedUpload({ onChange }: Props) {
  const { t, errorText } = useI18n();
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const patch = (key: string, p: Partial<Item>) => setItems((list) => {
    const next = list.map((i) => (i.key === key ? { ...i, ...p } : i));
    onChange(next.filter((i) => i.state === 'done' && i.upload).map((i) => i.upload!.id));
    return next;
  });

  const run = async (item: Item) => {
    patch(item.key, { state: 'sending', error: undefined });
    try {
      const upload = item.upload ?? (await declareUpload({ fileName: item.file.name, size: item.file.size, mimeType: item.file.type || 'application/octet-stream', kind: item.kind }));
      patch(item.key, { upload });
      const done = await sendFile(upload, item.file, (sent) => patch(item.key, { sent }));
      patch(item.key, { upload: done, sent: item.file.size, state: 'done' });
    } catch (e) {
      patch(item.key, { state: 'failed', error: errorText(e) });
    }
  };

  const add = (file: File) => {
    const item: Item = { key: `${file.name}-${file.size}-${Date.now()}`, file, kind: isVideo(file) ? 'video' : 'document', sent: 0, state: 'sending' };
    setItems((l) => [...l, item]);
    void run(item);
    return false;
  };

  return (
    <div className="ss-chunked" data-testid="chunked-upload">
      <AntUpload beforeUpload={add} showUploadList={false} multiple>
        <Button icon={<UploadOutlined />} size="large" block>{t('contests.register.upload')}</Button>
      </AntUpload>
      {items.map((i) => (
        <div key={i.key} className={`ss-chunked__item is-${i.state}`}>
          <div className="ss-chunked__name">
            {i.kind === 'video' ? <VideoCameraOutlined /> : <FileOutlined />}
            <span>{i.file.name}</span>
            {i.state === 'done' && <CheckCircleFilled className="ss-chunked__ok" />}
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => setItems((l) => { const next = l.filter((x) => x.key !== i.key); onChange(next.filter((x) => x.state === 'done' && x.upload).map((x) => x.upload!.id)); return next; })} />
          </div>
          <Progress percent={Math.floor((i.sent / Math.max(i.file.size, 1)) * 100)} status={i.state === 'failed' ? 'exception' : i.state === 'done' ? 'success' : 'active'} size="small" />
          {i.state === 'failed' && (
            <div className="ss-chunked__failed">
              <span>{t('contests.register.failed')}{i.error ? `：${i.error}` : ''}</span>
              <Button size="small" icon={<RedoOutlined />} onClick={() => void run(itemsRef.current.find((x) => x.key === i.key) ?? i)}>{t('contests.register.resume')}</Button>
            </div>
          )}
        </div>
      ))}
      <div className="ss-muted ss-chunked__hint">{t('contests.register.materialHint')}</div>
    </div>
  );
}
