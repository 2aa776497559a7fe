import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { BrandTitle } from '../../shared/layout/brand-title.tsx';
import { LanguageSwitch } from '../../shared/layout/language-switch.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

/** The frame of the public pages (no sign-in): the brand, the language switch, a hero band. */
export function PublicShell({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="ss-public">
      <header className="ss-public__bar">
        <Link to="/honour-roll" aria-label={t('contests.public.honourRoll')}>
          <BrandTitle inverted />
        </Link>
        <LanguageSwitch size="small" />
      </header>
      <section className="ss-public__hero">
        <h1>{title}</h1>
        {subtitle && <p>{subtitle}</p>}
      </section>
      <main className="ss-public__main">{children}</main>
      <footer className="ss-public__foot">{t('contests.public.footer')}</footer>
    </div>
  );
}
