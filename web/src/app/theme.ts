/**
 * Ant Design tokens: the default look, with secondary and placeholder text dark enough for WCAG AA contrast
 * (4.5:1 on white; the defaults at 45 % and 25 % black are below it, which axe-core reports as serious).
 */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorPrimary: '#0958d9',
    colorError: '#cf1322',
    colorWarning: '#ad4e00',
    colorSuccess: '#237804',
    colorLink: '#0958d9',
  },
};
