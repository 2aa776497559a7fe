import { useEffect, useState } from 'react';
import { Alert, App, Button, Divider, Drawer, Form, Grid, Input, Popconfirm, Radio, Select, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '../../../server/identity/engine/roles.ts';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import {
  createPerson,
  grantRole,
  resetPassword,
  revokeRole,
  updatePerson,
  usePerson,
  type Gender,
  type Organisation,
  type Role,
  type Track,
} from '../api.ts';
import { OrgTreeSelect } from './org-tree-select.tsx';
import { ROLE_COLOURS } from './role-tags.tsx';

type Values = {
  employeeNo: string;
  name: string;
  gender: Gender;
  organisationId: number;
  phone?: string;
  trackIds: number[];
  roles: Role[];
  active: boolean;
};

type Props = {
  /** null: a new person */
  personId: number | null;
  organisations: Organisation[];
  tracks: Track[];
  onClose: () => void;
  onChanged: () => void;
};

const EMPLOYEE_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const MOBILE = /^1[3-9]\d{9}$/;

/** Create or edit a person; for an existing person also grant and remove roles and reset the password. */
export function PersonDrawer({ personId, organisations, tracks, onClose, onChanged }: Props) {
  const { t, errorText, lang } = useI18n();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const isNew = personId === null;
  const person = usePerson(personId);
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useAction();
  const [grant, setGrant] = useState<{ role?: Role; organisationId?: number }>({});

  useEffect(() => {
    const p = person.data;
    if (!p) return;
    form.setFieldsValue({
      employeeNo: p.employeeNo,
      name: p.name,
      gender: p.gender ?? undefined,
      organisationId: p.organisation.id,
      phone: p.phone ?? undefined,
      trackIds: p.tracks.map((x) => x.id),
      active: p.active,
    });
    setGrant((g) => ({ ...g, organisationId: g.organisationId ?? p.organisation.id }));
  }, [person.data, form]);

  /** a refusal about one field shows under that field; any other above the form */
  const onFieldError = (e: unknown) => {
    if (!isApiError(e) || !e.field || !['employeeNo', 'name', 'gender', 'organisationId', 'phone', 'trackIds', 'roles'].includes(e.field)) return false;
    form.setFields([{ name: e.field as keyof Values, errors: [errorText(e)] }]);
    return true;
  };

  const save = (v: Values) => {
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    return run(async () => {
      if (isNew) {
        await createPerson({ employeeNo: v.employeeNo.trim(), name: v.name.trim(), gender: v.gender, organisationId: v.organisationId, phone, trackIds: v.trackIds ?? [], roles: v.roles ?? ['contestant'] });
        message.success(t('person.created', { name: v.name.trim() }));
      } else {
        await updatePerson(personId, { name: v.name.trim(), gender: v.gender, organisationId: v.organisationId, phone, trackIds: v.trackIds ?? [], active: v.active });
        message.success(t('common.saved'));
      }
      onChanged();
      onClose();
    }, onFieldError);
  };

  const addGrant = async () => {
    if (personId === null || !grant.role || !grant.organisationId) return;
    try {
      await grantRole(personId, { role: grant.role, organisationId: grant.organisationId });
      message.success(t('person.roleGranted'));
      setGrant((g) => ({ ...g, role: undefined }));
      person.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const removeGrant = async (grantId: number) => {
    if (personId === null) return;
    try {
      await revokeRole(personId, grantId);
      message.success(t('person.roleRemoved'));
      person.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const reset = async () => {
    if (personId === null) return;
    try {
      const { temporaryPassword } = await resetPassword(personId);
      modal.success({
        title: t('person.resetDone'),
        content: (
          <div className="ss-temp-password">
            <Typography.Paragraph>{t('person.resetBody', { name: person.data?.name ?? '' })}</Typography.Paragraph>
            <Typography.Text code copyable className="ss-temp-password__value" data-testid="temporary-password">
              {temporaryPassword}
            </Typography.Text>
          </div>
        ),
        okText: t('common.ok'),
      });
      person.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const p = person.data;
  return (
    <Drawer
      open
      title={isNew ? t('people.create') : p ? `${p.name} · ${p.employeeNo}` : t('common.loading')}
      size={screens.md ? 560 : '100%'}
      onClose={onClose}
      destroyOnHidden
      footer={
        <div className="ss-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} disabled={!isNew && !p}>
            {isNew ? t('common.create') : t('common.save')}
          </Button>
        </div>
      }
    >
      {!isNew && person.loading && !p ? <Skeleton active /> : null}
      {!isNew && person.error ? <Alert type="error" showIcon title={errorText(person.error)} /> : null}
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={save}
        initialValues={{ gender: 'F', trackIds: [], roles: ['contestant'], active: true }}
        style={!isNew && !p ? { display: 'none' } : undefined}
      >
        <div className="ss-form-grid">
          <Form.Item
            name="employeeNo"
            label={t('field.employeeNo')}
            rules={[
              { required: true, message: t('signIn.employeeNoRequired') },
              { pattern: EMPLOYEE_NO, message: t('field.employeeNoPattern') },
            ]}
          >
            <Input disabled={!isNew} maxLength={32} />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, max: 50, message: t('field.nameRequired') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="gender" label={t('field.gender')} rules={[{ required: true, message: t('field.genderRequired') }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'F', label: t('gender.F') },
                { value: 'M', label: t('gender.M') },
              ]}
            />
          </Form.Item>
          <Form.Item name="phone" label={t('field.phone')} rules={[{ pattern: MOBILE, message: t('field.phonePattern') }]}>
            <Input inputMode="numeric" maxLength={11} placeholder="13800000000" />
          </Form.Item>
        </div>
        <Form.Item name="organisationId" label={t('field.organisation')} rules={[{ required: true, message: t('org.pick') }]}>
          <OrgTreeSelect organisations={organisations} />
        </Form.Item>
        <Form.Item name="trackIds" label={t('field.tracks')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('person.tracksPlaceholder')}
            options={tracks.filter((x) => x.active).map((x) => ({ value: x.id, label: lang === 'en' ? x.nameEn : x.name }))}
          />
        </Form.Item>
        {isNew ? (
          <Form.Item name="roles" label={t('field.roles')} extra={t('person.rolesHint')}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="active" label={t('field.status')} valuePropName="checked">
            <Switch checkedChildren={t('person.active')} unCheckedChildren={t('person.inactive')} />
          </Form.Item>
        )}
      </Form>

      {!isNew && p && (
        <>
          <Divider titlePlacement="start">{t('person.rolesSection')}</Divider>
          <div className="ss-grants">
            {p.roles.length === 0 && <Typography.Text type="secondary">{t('person.noRoles')}</Typography.Text>}
            {p.roles.map((g) => (
              <div key={g.id} className="ss-grant">
                <Tag color={ROLE_COLOURS[g.role]} variant="filled">{t(`role.${g.role}`)}</Tag>
                <span className="ss-grant__scope">{t('person.scope', { org: g.organisationName })}</span>
                <Popconfirm
                  title={t('person.removeRoleConfirm', { role: t(`role.${g.role}`) })}
                  okText={t('common.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => removeGrant(g.id)}
                >
                  <Button type="link" size="small" danger>
                    {t('common.remove')}
                  </Button>
                </Popconfirm>
              </div>
            ))}
          </div>
          <Space.Compact className="ss-grant-add">
            <Select<Role>
              placeholder={t('person.pickRole')}
              value={grant.role}
              onChange={(role) => setGrant((g) => ({ ...g, role }))}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              className="ss-grant-add__role"
            />
            <OrgTreeSelect organisations={organisations} value={grant.organisationId} onChange={(organisationId) => setGrant((g) => ({ ...g, organisationId }))} className="ss-grant-add__org" />
            <Button type="primary" ghost icon={<PlusOutlined />} disabled={!grant.role || !grant.organisationId} onClick={() => void addGrant()}>
              {t('person.grant')}
            </Button>
          </Space.Compact>

          <Divider titlePlacement="start">{t('person.security')}</Divider>
          <Typography.Paragraph type="secondary">{t('person.resetHint')}</Typography.Paragraph>
          <Popconfirm
            title={t('person.resetConfirm', { name: p.name })}
            okText={t('person.reset')}
            cancelText={t('common.cancel')}
            onConfirm={() => reset()}
          >
            <Button icon={<KeyOutlined />}>{t('person.reset')}</Button>
          </Popconfirm>
        </>
      )}
    </Drawer>
  );
}
