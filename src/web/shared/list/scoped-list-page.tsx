import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Input, Row, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context.tsx';
import { PageHeader } from '../layout/page-header.tsx';
import type { Resource } from '../use-resource.ts';
import { useOrganisations, type Organisation } from '../../identity/api.ts';

export type CreateModalProps = { organisations: Organisation[]; close: () => void };

type Props<T> = {
  title: string;
  subtitle: string;
  /** header buttons shown before the create button */
  actions?: ReactNode;
  /** the create button and the modal it opens; left out for a reader who may not create */
  create?: { label: string; testId: string; modal: (props: CreateModalProps) => ReactNode };
  /** a search by name; `value` is the last searched text, trimmed, or undefined for none */
  search?: { placeholder: string; value: string | undefined; onSearch: (value: string | undefined) => void };
  items: Resource<T[]>;
  /** shown when there are no items at all; a search that finds nothing says so instead */
  emptyText: string;
  itemKey: (item: T) => number;
  renderItem: (item: T) => ReactNode;
};

/**
 * An admin list of things owned by nodes of the organiser's subtree (banks, contests): header,
 * optional search, a card grid, and a create modal that picks the owning organisation.
 */
export function ScopedListPage<T>({ title, subtitle, actions, create, search, items, emptyText, itemKey, renderItem }: Props<T>) {
  const { t, errorText } = useI18n();
  // loaded with the page so the picker is filled when the modal opens
  const orgs = useOrganisations();
  const [creating, setCreating] = useState(false);

  return (
    <div className="ss-page">
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          actions || create ? (
            <>
              {actions}
              {create && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={create.testId}>
                  {create.label}
                </Button>
              )}
            </>
          ) : undefined
        }
      />
      {search && (
        <Input.Search allowClear className="ss-filters__search ss-block" placeholder={search.placeholder} enterButton={t('common.search')} onSearch={(v) => search.onSearch(v.trim() || undefined)} />
      )}
      {items.error ? <Alert type="error" showIcon title={errorText(items.error)} className="ss-block" /> : null}
      {items.loading && !items.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : items.data && items.data.length === 0 ? (
        <Card>
          <Empty description={search?.value ? t('common.noMatch') : emptyText} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(items.data ?? []).map((item) => (
            <Col xs={24} md={12} xl={8} key={itemKey(item)}>
              {renderItem(item)}
            </Col>
          ))}
        </Row>
      )}
      {creating && create?.modal({ organisations: orgs.data ?? [], close: () => setCreating(false) })}
    </div>
  );
}
