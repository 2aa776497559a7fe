import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { newScreenToken, revokeScreenToken } from '../api.ts';

type Props = {
  open: boolean;
  roundId: number;
  joinCode: string | null;
  /** the current token, when the viewer may see it (organisers); null for a host or when there is none */
  token: string | null;
  /** organisers see the token; a host only issues a new one */
  canManage: boolean;
  onClose: () => void;
  onChanged: () => void;
};

/** The big screen's token, from the console: create, copy, open, rotate (the old link stops at once) or revoke. */
export function ScreenTokenModal({ open, roundId, joinCode, token, canManage, onClose, onChanged }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [fresh, setFresh] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const current = fresh === undefined ? token : fresh;
  const url = current ? `${location.origin}/arena/${roundId}/screen?token=${encodeURIComponent(current)}${joinCode ? `&code=${joinCode}` : ''}` : null;

  const rotate = async () => {
    setBusy(true);
    try {
      const r = await newScreenToken(roundId);
      setFresh(r.token);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    try {
      await revokeScreenToken(roundId);
      setFresh(null);
      message.success(t('arena.host.screen.revoked'));
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const exists = current !== null || (!canManage && fresh === undefined);

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={<><DesktopOutlined /> {t('arena.host.screen.title')}</>} width={620} destroyOnHidden>
      <div data-testid="screen-token-modal">
        <Typography.Paragraph type="secondary">{t('arena.host.screen.hint')}</Typography.Paragraph>
        {url ? (
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input readOnly value={url} data-testid="screen-token-url" onFocus={(e) => e.currentTarget.select()} />
            <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(url).then(() => message.success(t('arena.host.screen.copied')))}>
              {t('arena.host.screen.copy')}
            </Button>
          </Space.Compact>
        ) : (
          <Typography.Paragraph strong data-testid="screen-token-none">{canManage || fresh === null ? t('arena.host.screen.none') : t('arena.host.screen.hidden')}</Typography.Paragraph>
        )}
        <Space wrap>
          {url && (
            <Button type="primary" icon={<DesktopOutlined />} href={url} target="_blank" data-testid="screen-token-open">
              {t('arena.host.screen.open')}
            </Button>
          )}
          {current ? (
            <Popconfirm title={t('arena.host.screen.rotateConfirm')} onConfirm={() => void rotate()}>
              <Button icon={<ReloadOutlined />} loading={busy} data-testid="screen-token-rotate">{t('arena.host.screen.rotate')}</Button>
            </Popconfirm>
          ) : (
            <Button type={url ? 'default' : 'primary'} icon={<ReloadOutlined />} loading={busy} onClick={() => void rotate()} data-testid="screen-token-create">
              {t(exists ? 'arena.host.screen.rotate' : 'arena.host.screen.create')}
            </Button>
          )}
          {exists && (
            <Popconfirm title={t('arena.host.screen.revokeConfirm')} okButtonProps={{ danger: true, id: 'screen-token-revoke-ok' }} onConfirm={() => void revoke()}>
              <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="screen-token-revoke">{t('arena.host.screen.revoke')}</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
    </Modal>
  );
}
