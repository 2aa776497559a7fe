import { Button, Popconfirm } from 'antd';
import {
  CheckOutlined,
  CloseOutlined,
  EyeOutlined,
  FlagOutlined,
  PauseOutlined,
  PlayCircleOutlined,
  RightOutlined,
  StopOutlined,
  ThunderboltOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MessageKey } from '../../shared/i18n/zh-cn.ts';
import type { HostAction } from '../host-actions.ts';

type Props = { available: Set<HostAction>; busy: boolean; onAction: (a: HostAction) => void };

const BUTTONS: { action: HostAction; label: MessageKey; key: string; icon: ReactNode; kind?: 'primary' | 'danger' | 'success' }[] = [
  { action: 'next', label: 'arena.host.next', key: 'N', icon: <RightOutlined />, kind: 'primary' },
  { action: 'openQuestion', label: 'arena.host.openQuestion', key: 'O', icon: <EyeOutlined />, kind: 'primary' },
  { action: 'openBuzz', label: 'arena.host.openBuzz', key: 'Space', icon: <ThunderboltOutlined />, kind: 'primary' },
  { action: 'right', label: 'arena.right', key: 'R', icon: <CheckOutlined />, kind: 'success' },
  { action: 'wrong', label: 'arena.wrong', key: 'W', icon: <CloseOutlined />, kind: 'danger' },
  { action: 'closeQuestion', label: 'arena.host.close', key: 'C', icon: <StopOutlined /> },
  { action: 'undoLastJudgement', label: 'arena.host.undo', key: 'U', icon: <UndoOutlined /> },
  { action: 'pause', label: 'arena.host.pause', key: 'P', icon: <PauseOutlined /> },
  { action: 'resume', label: 'arena.host.resume', key: 'P', icon: <PlayCircleOutlined />, kind: 'primary' },
];

/** The console's action bar: only what applies now, each with its keyboard shortcut. */
export function HostControls({ available, busy, onAction }: Props) {
  const { t } = useI18n();
  return (
    <div className="arena-controls" data-testid="host-controls">
      {BUTTONS.filter((b) => available.has(b.action)).map((b) => (
        <Button
          key={b.action}
          size="large"
          type={b.kind === 'primary' || b.kind === 'success' ? 'primary' : 'default'}
          danger={b.kind === 'danger'}
          className={b.kind === 'success' ? 'arena-btn-success' : undefined}
          icon={b.icon}
          disabled={busy}
          onClick={() => onAction(b.action)}
          data-testid={`host-${b.action}`}
        >
          {t(b.label)} <kbd className="arena-kbd">{b.key}</kbd>
        </Button>
      ))}
      {available.has('finish') && (
        <Popconfirm title={t('arena.host.finishConfirm')} onConfirm={() => onAction('finish')} okButtonProps={{ id: 'host-finish-ok' }}>
          <Button size="large" danger type="primary" icon={<FlagOutlined />} disabled={busy} data-testid="host-finish">
            {t('arena.host.finish')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
