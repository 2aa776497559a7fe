import { useState } from 'react';
import { Button, Drawer, Empty, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileDoneOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionVersion } from '../api.ts';
import { QuestionPreview } from './question-preview.tsx';

type Props = { open: boolean; versions: QuestionVersion[]; currentVersionNo: number; onClose: () => void };

/** 版本历史: every version, newest first, which ones papers use, and a read-only look at an old one. */
export function VersionDrawer({ open, versions, currentVersionNo, onClose }: Props) {
  const { t } = useI18n();
  const [viewing, setViewing] = useState<QuestionVersion | null>(null);

  return (
    <Drawer
      open={open}
      onClose={() => {
        setViewing(null);
        onClose();
      }}
      size={520}
      title={viewing ? t('bank.versions.viewing', { n: viewing.versionNo }) : t('bank.versions.title')}
      extra={viewing && <Button icon={<ArrowLeftOutlined />} onClick={() => setViewing(null)}>{t('bank.versions.back')}</Button>}
      data-testid="version-drawer"
    >
      {viewing ? (
        <QuestionPreview question={viewing.question} title={t('bank.versions.versionN', { n: viewing.versionNo })} />
      ) : versions.length === 0 ? (
        <Empty />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('bank.versions.hint')}</Typography.Paragraph>
          <div className="ss-version-list">
            {versions.map((v) => (
              <div key={v.id} className="ss-version-row" data-testid={`version-${v.versionNo}`}>
                <div className="ss-version-row__main">
                  <span className="ss-version-title">
                    <b>v{v.versionNo}</b>
                    {v.versionNo === currentVersionNo && <Tag color="blue" variant="filled">{t('bank.versions.current')}</Tag>}
                    {v.usedByPaperItems > 0 ? (
                      <Tag color="orange" variant="filled" icon={<FileDoneOutlined />}>{t('bank.versions.usedBy', { n: v.usedByPaperItems })}</Tag>
                    ) : (
                      <Tag variant="filled">{t('bank.versions.unused')}</Tag>
                    )}
                  </span>
                  <Typography.Text type="secondary" className="ss-version-row__meta">
                    {dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')} · {v.question.stem}
                  </Typography.Text>
                </div>
                <Button type="link" size="small" onClick={() => setViewing(v)}>
                  {t('bank.versions.view')}
                </Button>
              </div>
            ))}
          </div>
        </>
      )}
    </Drawer>
  );
}
