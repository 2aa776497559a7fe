import { Alert } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { EventsAck, ProctorMessage } from '../api.ts';
import type { CameraState } from '../use-proctoring.ts';

type Props = { online: boolean; failing: boolean; unsaved: number; ack: EventsAck | null; messages: ProctorMessage[]; camera: CameraState };

/** What the candidate must know now: offline and unsaved answers, proctor messages, violations so far, the camera. */
export function ProctorNotices({ online, failing, unsaved, ack, messages, camera }: Props) {
  const { t } = useI18n();
  const last = messages.slice(-2);
  return (
    <div className="ss-exam-notices">
      {(!online || failing) && (
        <Alert
          type="error"
          showIcon
          data-testid="offline-banner"
          title={!online ? t('exams.take.offlineTitle') : t('exams.take.retryTitle')}
          description={t('exams.take.offlineBody', { n: unsaved })}
        />
      )}
      {last.map((m) => (
        <Alert key={m.id} type="info" showIcon data-testid="proctor-message" title={t('exams.proctor.messageFrom', { name: m.fromName ?? t('exams.proctor.proctor') })} description={m.body} closable />
      ))}
      {ack && ack.violations > 0 && (
        <Alert
          type="warning"
          showIcon
          title={ack.remaining !== null ? t('exams.proctor.violationsLeft', { n: ack.violations, left: ack.remaining }) : t('exams.proctor.violations', { n: ack.violations })}
        />
      )}
      {(camera === 'denied' || camera === 'absent') && <Alert type="warning" showIcon title={t(camera === 'denied' ? 'exams.proctor.cameraDenied' : 'exams.proctor.cameraAbsent')} />}
    </div>
  );
}
