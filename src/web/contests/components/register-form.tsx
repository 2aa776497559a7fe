import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { register, type Contest, type Entry } from '../api.ts';
import { ChunkedUpload } from './chunked-upload.tsx';
import { MemberPicker } from './member-picker.tsx';

type Values = { trackId: string; name?: string; memberIds?: number[]; introduction?: string };
const FIELDS = ['trackId', 'name', 'memberIds', 'introduction', 'materials'];

/** 报名: a track, the team's name and the other members (the captain is the registrant), an introduction, material. */
export function RegisterForm({ contest, onDone }: { contest: Contest; onDone: (e: Entry) => void }) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const [materials, setMaterials] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const team = contest.definition.entrants.kind === 'team' ? contest.definition.entrants.size : null;
  const submit = (v: Values) =>
    run(
      async () => onDone(await register(contest.id, { trackId: v.trackId, name: v.name, memberIds: v.memberIds ?? [], introduction: v.introduction ?? '', materials })),
      (e) => {
        const field = isApiError(e) ? e.field?.split('.')[0] : undefined;
        if (!field || !FIELDS.includes(field) || field === 'materials') return false;
        form.setFields([{ name: field as keyof Values, errors: [errorText(e)] }]);
        return true;
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} className="ss-register-form">
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Form.Item name="trackId" label={t('contests.register.track')} rules={[{ required: true, message: t('contests.register.trackRequired') }]}>
        <Select size="large" options={contest.definition.tracks.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      {team && (
        <>
          <Form.Item name="name" label={t('contests.register.teamName')} rules={[{ required: true, whitespace: true, message: t('contests.register.teamNameRequired') }]}>
            <Input size="large" maxLength={100} />
          </Form.Item>
          <Form.Item name="memberIds" label={t('contests.register.members')} extra={t('contests.register.membersHint', { n: team - 1 })} rules={[{ required: true, message: t('contests.register.membersHint', { n: team - 1 }) }]}>
            <MemberPicker contestId={contest.id} max={team - 1} />
          </Form.Item>
        </>
      )}
      <Form.Item name="introduction" label={t('contests.register.introduction')}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item label={t('contests.register.material')}>
        <ChunkedUpload onChange={setMaterials} />
      </Form.Item>
      <Button type="primary" size="large" block htmlType="submit" icon={<SendOutlined />} loading={busy}>{t('contests.register.submit')}</Button>
    </Form>
  );
}
