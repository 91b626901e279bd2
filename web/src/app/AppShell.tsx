/**
 * The frame of every signed-in page: a skip link, the header with the menu of what the role may open, who is
 * signed in, the language switch and sign-out, then the page in <main>.
 */
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { mayOpen } from '../auth/areas';
import { useSession, type Me } from '../auth/session';
import { switchLanguage } from '../i18n/i18n';

function menuItems(me: Me, t: (key: string) => string): ItemType[] {
  const link = (to: string, label: string): ItemType => ({ key: to, label: <Link to={to}>{label}</Link> });
  return [
    ...(mayOpen(me.role, 'department') ? [link('/inbox', t('menu.inbox'))] : []),
    ...(mayOpen(me.role, 'intake')
      ? [link('/intake', t('menu.intake')), link('/intake/follow-ups', t('menu.followUps'))]
      : []),
    ...(mayOpen(me.role, 'supervisor')
      ? [
          link('/supervision', t('menu.dashboard')),
          link('/supervision/stalled', t('menu.stalled')),
          link('/supervision/search', t('menu.search')),
        ]
      : []),
    ...(mayOpen(me.role, 'designer')
      ? [link('/flows', t('menu.flows')), link('/flows/editor', t('menu.editor'))]
      : []),
    ...(mayOpen(me.role, 'admin') ? [link('/calendars', t('menu.calendars'))] : []),
  ];
}

function selectedKey(pathname: string, items: ItemType[]): string[] {
  const keys = items.map((item) => String(item?.key ?? ''));
  const best = keys
    .filter((key) => pathname === key || pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length);
  return best.slice(0, 1);
}

export function AppShell() {
  const { t, i18n } = useTranslation();
  const { me, signOut } = useSession();
  const location = useLocation();
  if (me === undefined) return null;
  const items = menuItems(me, t);
  const scope = me.departmentName ?? me.dept ?? me.regionName ?? me.region;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          {t('app.title')}
        </Link>
        <nav aria-label={t('app.title')} className="app-nav">
          <Menu
            mode="horizontal"
            theme="dark"
            items={items}
            selectedKeys={selectedKey(location.pathname, items)}
            style={{ minWidth: 0, flex: 1 }}
          />
        </nav>
        <Space className="app-user" wrap>
          <Tag color="blue" data-testid="role">
            {t(`role.${me.role}`)}
          </Tag>
          {scope === undefined ? null : <Typography.Text className="app-scope">{scope}</Typography.Text>}
          <Button
            size="small"
            onClick={() => switchLanguage(i18n.language === 'en' ? 'zh' : 'en')}
            lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
          >
            {t('app.language')}
          </Button>
          <Button size="small" onClick={signOut}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
