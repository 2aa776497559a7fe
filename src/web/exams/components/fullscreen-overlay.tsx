import { Button } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

/** Covers the paper while the candidate is outside full screen (the exam's policy asks for it). */
export function FullscreenOverlay({ onEnter }: { onEnter: () => void }) {
  const { t } = useI18n();
  return (
    <div className="ss-exam-overlay" role="dialog" aria-modal="true" data-testid="fullscreen-overlay">
      <div className="ss-exam-overlay__card">
        <ExpandOutlined className="ss-exam-overlay__icon" />
        <h2>{t('exams.proctor.fullscreenTitle')}</h2>
        <p>{t('exams.proctor.fullscreenBody')}</p>
        <Button type="primary" size="large" block onClick={onEnter}>
          {t('exams.proctor.fullscreenEnter')}
        </Button>
      </div>
    </div>
  );
}
