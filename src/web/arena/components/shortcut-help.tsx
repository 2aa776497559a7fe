import { Modal } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MessageKey } from '../../shared/i18n/zh-cn.ts';

export const HOST_KEYS: { key: string; label: MessageKey }[] = [
  { key: 'O', label: 'arena.key.o' },
  { key: 'Space', label: 'arena.key.space' },
  { key: 'R', label: 'arena.key.r' },
  { key: 'W', label: 'arena.key.w' },
  { key: 'C', label: 'arena.key.c' },
  { key: 'N', label: 'arena.key.n' },
  { key: 'U', label: 'arena.key.u' },
  { key: 'P', label: 'arena.key.p' },
  { key: 'A', label: 'arena.key.a' },
  { key: '?', label: 'arena.key.help' },
];

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('arena.host.help')} width={420}>
      <dl className="arena-keys" data-testid="host-shortcuts">
        {HOST_KEYS.map((k) => (
          <div key={k.key} className="arena-keys__row">
            <dt>
              <kbd>{k.key}</kbd>
            </dt>
            <dd>{t(k.label)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
