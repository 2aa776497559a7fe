import { Button, Card } from 'antd';
import { CameraOutlined, ClockCircleOutlined, ExpandOutlined, SafetyOutlined, StopOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MyExam } from '../api.ts';

type Props = { exam: MyExam; starting: boolean; onStart: () => void };

/** 考前须知: the window, the duration, the rules of this exam's proctoring, and the start button. */
export function ExamInstructions({ exam, starting, onStart }: Props) {
  const { t } = useI18n();
  const p = exam.proctoring;
  const inProgress = exam.state === 'in-progress';
  const rules = [
    { icon: <ClockCircleOutlined />, text: t('exams.take.ruleDuration', { n: exam.durationMinutes }) },
    { icon: <SafetyOutlined />, text: t('exams.take.ruleAutosave') },
    { icon: <StopOutlined />, text: t('exams.take.ruleNoCopy') },
    ...(p.fullscreenRequired ? [{ icon: <ExpandOutlined />, text: t('exams.take.ruleFullscreen') }] : []),
    ...(p.autoSubmitAfter ? [{ icon: <StopOutlined />, text: t('exams.take.ruleAutoSubmit', { n: p.autoSubmitAfter }) }] : []),
    ...(p.snapshotIntervalSec ? [{ icon: <CameraOutlined />, text: t('exams.take.ruleCamera', { n: p.snapshotIntervalSec }) }] : []),
  ];
  return (
    <div className="ss-mobile-page ss-exam-intro" data-testid="exam-intro">
      <section className="ss-hero ss-exam-intro__hero">
        <div className="ss-hero__hello">{exam.organisationName}</div>
        <h1 className="ss-hero__name">{exam.title}</h1>
        <div className="ss-hero__org">
          {dayjs(exam.opensAt).format('MM-DD HH:mm')} – {dayjs(exam.closesAt).format('MM-DD HH:mm')}
        </div>
      </section>
      {exam.instructions && (
        <Card size="small" className="ss-home-section" title={t('exams.take.instructions')}>
          <p className="ss-exam-intro__text">{exam.instructions}</p>
        </Card>
      )}
      <Card size="small" className="ss-home-section" title={t('exams.take.rules')}>
        <ul className="ss-exam-rules">
          {rules.map((r, i) => (
            <li key={i}>
              {r.icon} <span>{r.text}</span>
            </li>
          ))}
        </ul>
      </Card>
      {exam.state === 'open' || inProgress ? (
        <Button type="primary" size="large" block loading={starting} onClick={onStart} data-testid="exam-start">
          {inProgress ? t('exams.take.resume') : t('exams.take.start')}
        </Button>
      ) : (
        <div className="ss-home-empty">
          <span className="ss-home-empty__text">{t(`exams.state.${exam.state}`)}</span>
        </div>
      )}
    </div>
  );
}
