import type { ReactNode } from 'react';
import { Typography } from 'antd';

type Props = { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode };

/** The title row every admin page starts with. */
export function PageHeader({ title, subtitle, extra }: Props) {
  return (
    <div className="ss-page-header">
      <div className="ss-page-header__text">
        <Typography.Title level={3} className="ss-page-header__title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div className="ss-page-header__extra">{extra}</div>}
    </div>
  );
}
