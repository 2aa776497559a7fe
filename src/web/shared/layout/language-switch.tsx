import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n/i18n-context.tsx';

type Props = { size?: 'small' | 'middle' };

/** 中文 / English, remembered in localStorage by the i18n provider. */
export function LanguageSwitch({ size = 'middle' }: Props) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size={size}
      aria-label={t('lang.label')}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
