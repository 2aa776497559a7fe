import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { BrandTitle } from '../../shared/layout/brand-title.tsx';
import { LanguageSwitch } from '../../shared/layout/language-switch.tsx';

type Props = { title: ReactNode; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The frame of the pages before the signed-in area: sign-in, first setup, forced password change. */
export function AuthShell({ title, subtitle, children, footer }: Props) {
  const { t } = useI18n();
  return (
    <div className="ss-auth">
      <aside className="ss-auth__brand">
        <BrandTitle size="large" inverted />
        <div className="ss-auth__pitch">
          <h1>{t('auth.pitch.title')}</h1>
          <p>{t('auth.pitch.body')}</p>
          <ul>
            <li><CheckCircleFilled /> {t('auth.pitch.point1')}</li>
            <li><CheckCircleFilled /> {t('auth.pitch.point2')}</li>
            <li><CheckCircleFilled /> {t('auth.pitch.point3')}</li>
          </ul>
        </div>
        <div className="ss-auth__legal">© ServiceStar · {t('app.tagline')}</div>
      </aside>
      <main className="ss-auth__main">
        <div className="ss-auth__top">
          <span className="ss-auth__mobile-brand"><BrandTitle /></span>
          <LanguageSwitch size="small" />
        </div>
        <div className="ss-auth__card">
          <Typography.Title level={2} className="ss-auth__title">{title}</Typography.Title>
          {subtitle && <Typography.Paragraph type="secondary" className="ss-auth__subtitle">{subtitle}</Typography.Paragraph>}
          {children}
        </div>
        {footer && <div className="ss-auth__footer">{footer}</div>}
      </main>
    </div>
  );
}
