import type { ThemeConfig } from 'antd';

/** Telecom blue on cool greys; one place for the palette so pages never hard-code colours. */
export const palette = {
  primary: '#1456d9',
  primaryDeep: '#0b3a9c',
  navy: '#0b1f44',
  accent: '#f5a623',
  pageBg: '#f3f6fb',
  border: '#e4e9f2',
  textMuted: '#5b6b86',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: palette.primary,
    colorInfo: palette.primary,
    colorLink: palette.primary,
    colorBgLayout: palette.pageBg,
    colorBorderSecondary: palette.border,
    borderRadius: 8,
    borderRadiusLG: 12,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
    fontSize: 14,
    controlHeight: 36,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 20px' },
    Menu: { itemBorderRadius: 8, itemMarginInline: 8, itemSelectedBg: '#e8f0ff', itemSelectedColor: palette.primary, itemHeight: 42 },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#f7f9fc', headerColor: '#3a4a66', rowHoverBg: '#f5f8ff' },
    Statistic: { contentFontSize: 28 },
  },
};
