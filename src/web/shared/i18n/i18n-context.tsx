import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { isApiError } from '../api.ts';
import { theme } from '../theme.ts';
import { zhCN, type MessageKey } from './zh-cn.ts';
import { en } from './en.ts';

export type Lang = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const STORAGE_KEY = 'servicestar.lang';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage may be blocked; fall back to Chinese
  }
  return 'zh-CN';
}

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** an error as a reader of `lang` should see it: the server's Chinese reason in zh, its message in en */
  errorText: (error: unknown) => string;
};

const I18nContext = createContext<I18n | null>(null);

/** The language, the antd locale and the dayjs locale switch together, and the choice survives a reload. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; still switched for this tab
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, vars) => format(dict[key] ?? key, vars);
    const errorText = (error: unknown) => {
      if (isApiError(error)) {
        if (error.code === 'NETWORK') return t('error.network');
        if (error.status >= 500) return t('error.server');
        if (lang !== 'zh-CN') return error.message;
        if (error.reasonZh) return error.reasonZh;
        // no Chinese reason from the server: say in Chinese what kind of refusal it was, and keep its words
        const kindKey = `error.kind.${error.code}` as MessageKey;
        return kindKey in dict ? t('error.withKind', { kind: dict[kindKey], message: error.message }) : error.message;
      }
      return error instanceof Error ? error.message : String(error);
    };
    return { lang, setLang, t, errorText };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh-CN' ? antdZhCN : antdEnUS} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
