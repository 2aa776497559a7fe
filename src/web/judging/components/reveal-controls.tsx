import { Button, Select, Switch, Tooltip } from 'antd';
import { ArrowLeftOutlined, CaretRightOutlined, FastForwardOutlined, RollbackOutlined, StepBackwardOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = {
  entries: { entryId: number; name: string; locked: boolean }[];
  entryId: number | null;
  at: number;
  steps: number;
  auto: boolean;
  busy: boolean;
  onEntry: (entryId: number) => void;
  onStep: (step: number) => void;
  onAuto: (on: boolean) => void;
  onBack: () => void;
};

/** The organiser's remote for the big screen: which locked entry, step back / next, auto-advance. */
export function RevealControls({ entries, entryId, at, steps, auto, busy, onEntry, onStep, onAuto, onBack }: Props) {
  const { t } = useI18n();
  const done = steps > 0 && at >= steps - 1;
  return (
    <div className="ss-reveal__controls" data-testid="reveal-controls">
      <Tooltip title={t('judging.reveal.backToBoard')}>
        <Button ghost icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('judging.reveal.backToBoard')} />
      </Tooltip>
      <Select
        className="ss-reveal__select"
        value={entryId ?? undefined}
        placeholder={t('judging.reveal.pickEntry')}
        options={entries.map((e) => ({ value: e.entryId, label: e.locked ? e.name : t('judging.reveal.notLocked', { name: e.name }), disabled: !e.locked }))}
        onChange={onEntry}
        data-testid="reveal-entry-select"
      />
      <Button ghost icon={<RollbackOutlined />} disabled={busy || entryId === null} onClick={() => onStep(-1)}>
        {t('judging.reveal.restart')}
      </Button>
      <Button ghost icon={<StepBackwardOutlined />} disabled={busy || entryId === null || at < 0} onClick={() => onStep(at - 1)}>
        {t('judging.reveal.prev')}
      </Button>
      <Button type="primary" size="large" icon={<CaretRightOutlined />} disabled={busy || entryId === null || done} onClick={() => onStep(at + 1)} data-testid="reveal-next">
        {t('judging.reveal.next')}
      </Button>
      <span className="ss-reveal__progress">{entryId === null ? '' : t('judging.reveal.progress', { at: at + 1, steps })}</span>
      <span className="ss-reveal__auto">
        <FastForwardOutlined /> {t('judging.reveal.auto')} <Switch checked={auto} onChange={onAuto} disabled={entryId === null} data-testid="reveal-auto" />
      </span>
    </div>
  );
}
