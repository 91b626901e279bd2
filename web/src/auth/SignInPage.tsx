/** Sign-in: paste a token, or (when the API is configured with an OIDC issuer) sign in through it. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { fetchAuthConfig, startOidcSignIn } from './oidc';
import { useSession } from './session';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { signIn, rejected } = useSession();
  const config = useQuery({ queryKey: ['auth-config'], queryFn: fetchAuthConfig });
  const oidc = config.data?.oidc;
  return (
    <main className="sign-in" id="main">
      <Card
        title={
          <h1 className="page-title" style={{ margin: 0 }}>{`${t('app.title')} · ${t('signIn.title')}`}</h1>
        }
        extra={
          <Button size="small" onClick={() => switchLanguage(i18n.language === 'en' ? 'zh' : 'en')}>
            {t('app.language')}
          </Button>
        }
      >
        {rejected ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('signIn.invalid')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {oidc === undefined ? null : (
          <>
            <Button type="primary" block onClick={() => void startOidcSignIn(oidc)}>
              {t('signIn.oidc')}
            </Button>
            <Divider plain>{t('signIn.or')}</Divider>
          </>
        )}
        <Typography.Paragraph>{t('signIn.intro')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={(values: { token: string }) => signIn(values.token.trim())}>
          <Form.Item label={t('signIn.token')} name="token" rules={[{ required: true }]}>
            <Input.TextArea rows={4} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Button type={oidc === undefined ? 'primary' : 'default'} htmlType="submit">
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
