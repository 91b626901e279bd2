/**
 * Ant Design tokens: the default look, with secondary and placeholder text, status colours and tag colours dark
 * enough for WCAG AA contrast (4.5:1; antd's defaults are below it, which axe-core reports as serious).
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
    colorLink: '#0958d9',
    // Seeds of the preset tag colours, dark enough that a tag's text on its light background passes 4.5:1.
    green: '#237804',
    orange: '#ad4e00',
    volcano: '#ad2102',
    red: '#a8071a',
    blue: '#0958d9',
    gold: '#874d00',
    purple: '#531dab',
    geekblue: '#1d39c4',
  },
};
