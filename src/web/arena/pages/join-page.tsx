import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { BrandMark } from '../../shared/layout/brand-mark.tsx';
import { LanguageSwitch } from '../../shared/layout/language-switch.tsx';
import { joinQuiz, saveGuest } from '../api.ts';
import '../arena.css';

/** Public: join a mass quiz with the code from the big screen and a nickname (Kahoot-like). */
export function JoinPage() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="arena-join" data-testid="arena-join">
      <div className="arena-join__top">
        <BrandMark />
        <LanguageSwitch size="small" />
      </div>
      <h1 className="arena-join__title">{t('arena.join.title')}</h1>
      <p className="arena-join__sub">{t('arena.join.subtitle')}</p>
      {error !== null && <Alert type="error" showIcon message={errorText(error)} className="ss-form-alert" />}
      <Form
        layout="vertical"
        size="large"
        onFinish={async (v: { code: string; name: string }) => {
          setBusy(true);
          setError(null);
          try {
            const r = await joinQuiz(v.code.trim(), v.name.trim());
            saveGuest(r.roundId, r.guestToken);
            navigate(`/arena/${r.roundId}/play?guest=${encodeURIComponent(r.guestToken)}`);
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="code" label={t('arena.join.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('arena.join.codeRequired') }]}>
          <Input inputMode="numeric" maxLength={6} className="arena-join__code" placeholder="000000" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('arena.join.name')} rules={[{ required: true, whitespace: true, message: t('arena.join.nameRequired') }]}>
          <Input maxLength={32} autoComplete="nickname" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="join-submit">
          {t('arena.join.submit')}
        </Button>
      </Form>
    </div>
  );
}
