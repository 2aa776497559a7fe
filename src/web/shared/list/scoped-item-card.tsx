import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Typography } from 'antd';
import { ApartmentOutlined, RightOutlined } from '@ant-design/icons';

type Props = {
  to: string;
  /** the CSS block, e.g. `ss-bank-card`: each domain styles its own card (icon colour, sizes) */
  block: string;
  testId: string;
  icon: ReactNode;
  title: ReactNode;
  organisationName: string;
  tag: ReactNode;
  description: ReactNode;
  /** clamp the description to this many lines */
  descriptionRows?: number;
  /** the figures in the card's foot */
  count: ReactNode;
};

/** One card of a ScopedListPage: icon, name and owning organisation, a tag, a description and a count. */
export function ScopedItemCard({ to, block, testId, icon, title, organisationName, tag, description, descriptionRows, count }: Props) {
  return (
    <Link to={to} className={block} data-testid={testId}>
      <div className={`${block}__top`}>
        <span className={`${block}__icon`}>{icon}</span>
        <div className={`${block}__title`}>
          <strong>{title}</strong>
          <span>
            <ApartmentOutlined /> {organisationName}
          </span>
        </div>
        {tag}
      </div>
      <Typography.Paragraph type="secondary" ellipsis={descriptionRows ? { rows: descriptionRows } : undefined} className={`${block}__desc`}>
        {description}
      </Typography.Paragraph>
      <div className={`${block}__foot`}>
        <span className={`${block}__count`}>{count}</span>
        <RightOutlined className="ss-shortcut__arrow" />
      </div>
    </Link>
  );
}
