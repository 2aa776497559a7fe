import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Breadcrumb } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Bank } from '../api.ts';

type Props = { bank?: Pick<Bank, 'id' | 'name'>; trail?: { label: ReactNode; to?: string }[] };

/** 题库 / bank name / … so every bank page leads back up. */
export function BankCrumbs({ bank, trail = [] }: Props) {
  const { t } = useI18n();
  const items = [
    { key: 'banks', title: <Link to="/banks">{t('nav.banks')}</Link> },
    ...(bank ? [{ key: 'bank', title: trail.length > 0 ? <Link to={`/banks/${bank.id}`}>{bank.name}</Link> : bank.name }] : []),
    ...trail.map((c, i) => ({ key: `t${i}`, title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label })),
  ];
  return <Breadcrumb className="ss-crumbs ss-no-print" items={items} />;
}
