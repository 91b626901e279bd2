/** The app: providers (query cache, Ant Design theme and locale, session), then the routes under /app. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../auth/session';
import { AppRoutes } from './AppRoutes';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 5_000 } },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
        <AntApp>
          <SessionProvider>
            <BrowserRouter basename="/app">
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
