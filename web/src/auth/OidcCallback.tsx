/** Where the OIDC provider sends the browser back: exchanges the code, signs in, goes home. */
import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../app/StatusPages';
import { fetchAuthConfig, finishOidcSignIn } from './oidc';
import { useSession } from './session';

export function OidcCallback() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const started = useRef(false);
  const exchange = useQuery({
    queryKey: ['oidc-callback'],
    retry: false,
    staleTime: Infinity,
    queryFn: async () => {
      const config = await fetchAuthConfig();
      if (config.oidc === undefined) throw new Error('OIDC is not configured');
      return finishOidcSignIn(config.oidc);
    },
  });
  useEffect(() => {
    if (exchange.data !== undefined && !started.current) {
      started.current = true;
      signIn(exchange.data);
    }
  }, [exchange.data, signIn]);
  if (exchange.isError) {
    return (
      <main id="main">
        <Result
          status="error"
          title={<h1 className="page-title">{t('signIn.invalid')}</h1>}
          subTitle={String(exchange.error)}
          extra={<a href="/app/sign-in">{t('signIn.title')}</a>}
        />
      </main>
    );
  }
  return exchange.data === undefined ? <Loading /> : <Navigate to="/" replace />;
}
