import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { createInvitation, revokeInvitation, useInvitations, type InvitationView } from '../api.ts';

const STATUS_COLOUR = { pending: 'processing', redeemed: 'success', expired: 'default', revoked: 'error' } as const;

/** Guest judges (外部评委): invitation codes for one contest; revoking ends the guest's sessions. */
export function InvitationsCard({ contestId }: { contestId: number }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const invitations = useInvitations(contestId, nonce);
  const [form] = Form.useForm<{ name: string; affiliation: string }>();

  const create = async (v: { name: string; affiliation: string }) => {
    try {
      const r = await createInvitation(contestId, v);
      form.resetFields();
      setNonce((n) => n + 1);
      void message.success(t('judging.inv.created', { code: r.code }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const revoke = async (id: number) => {
    try {
      await revokeInvitation(id);
      setNonce((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Card size="small" title={t('judging.inv.title')}>
      <Form form={form} layout="inline" onFinish={create} className="ss-block">
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('field.nameRequired') }]}>
          <Input placeholder={t('field.name')} />
        </Form.Item>
        <Form.Item name="affiliation" rules={[{ required: true, whitespace: true, message: t('judging.inv.affiliationRequired') }]}>
          <Input placeholder={t('judging.inv.affiliation')} className="ss-jinv__aff" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
          {t('judging.inv.create')}
        </Button>
      </Form>
      <Table<InvitationView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={invitations.loading}
        dataSource={invitations.data ?? []}
        columns={[
          { title: t('field.name'), dataIndex: 'name' },
          { title: t('judging.inv.affiliation'), dataIndex: 'affiliation' },
          { title: t('judging.inv.code'), render: (_, i) => <Typography.Text copyable={{ text: `${window.location.origin}${i.link}` }} code>{i.code}</Typography.Text> },
          { title: t('judging.inv.expires'), render: (_, i) => dayjs(i.expiresAt).format('YYYY-MM-DD') },
          { title: t('field.status'), render: (_, i) => <Tag color={STATUS_COLOUR[i.status]}>{t(`judging.inv.status.${i.status}`)}</Tag> },
          {
            title: t('common.actions'),
            render: (_, i) =>
              i.status === 'pending' || i.status === 'redeemed' ? (
                <Popconfirm title={t('judging.inv.revokeConfirm')} onConfirm={() => void revoke(i.id)}>
                  <Button size="small" danger>
                    {t('judging.inv.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
