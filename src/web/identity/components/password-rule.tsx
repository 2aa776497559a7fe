import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { passwordChecks } from '../password.ts';

/** The password rule, ticked off live as the person types. */
export function PasswordRule({ value }: { value: string }) {
  const { t } = useI18n();
  const checks = passwordChecks(value);
  const line = (ok: boolean, text: string, testId: string) => (
    <li className={ok ? 'is-ok' : ''} data-testid={testId}>
      {ok ? <CheckCircleFilled /> : <MinusCircleOutlined />} {text}
    </li>
  );
  return (
    <div className="ss-password-rule" aria-live="polite">
      <div className="ss-password-rule__title">{t('password.rule.title')}</div>
      <ul>
        {line(checks.length, t('password.rule.length'), 'rule-length')}
        {line(checks.classes >= 2, t('password.rule.classes', { n: checks.classes }), 'rule-classes')}
      </ul>
    </div>
  );
}
