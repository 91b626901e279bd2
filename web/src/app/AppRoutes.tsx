/**
 * The routes. Each area (department, intake, supervisor, designer, admin) and the shared case page are loaded on demand,
 * so a clerk's phone never downloads the designer's editor or the supervisor's charts. A route outside the
 * signed-in role's areas shows "not allowed" instead of the page.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { homeOf, mayOpen, type Area } from '../auth/areas';
import { useSession } from '../auth/session';
import { OidcCallback } from '../auth/OidcCallback';
import { SignInPage } from '../auth/SignInPage';
import { AppShell } from './AppShell';
import { ForbiddenPage, Loading, NotFoundPage } from './StatusPages';

const DepartmentArea = lazy(() => import('../department/DepartmentArea'));
const IntakeArea = lazy(() => import('../intake/IntakeArea'));
const SupervisorArea = lazy(() => import('../supervisor/SupervisorArea'));
const DesignerArea = lazy(() => import('../designer/DesignerArea'));
const CasePage = lazy(() => import('../cases/CasePage'));
const AdminArea = lazy(() => import('../admin/AdminArea'));

function RequireArea({ area, children }: { area: Area | 'cases'; children: ReactNode }) {
  const { me } = useSession();
  if (me === undefined) return null;
  const allowed = area === 'cases' ? me.role !== 'designer' : mayOpen(me.role, area);
  return allowed ? <Suspense fallback={<Loading />}>{children}</Suspense> : <ForbiddenPage />;
}

function Home() {
  const { me } = useSession();
  return me === undefined ? null : <Navigate to={homeOf(me.role)} replace />;
}

export function AppRoutes() {
  const session = useSession();
  const location = useLocation();
  if (session.token === undefined) {
    if (location.pathname === '/oidc-callback') return <OidcCallback />;
    return location.pathname === '/sign-in' ? (
      <SignInPage />
    ) : (
      <Navigate to="/sign-in" replace state={{ from: location.pathname }} />
    );
  }
  if (session.me === undefined) return <Loading />;
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Home />} />
        <Route path="sign-in" element={<Home />} />
        <Route path="oidc-callback" element={<Home />} />
        <Route
          path="inbox/*"
          element={
            <RequireArea area="department">
              <DepartmentArea />
            </RequireArea>
          }
        />
        <Route
          path="intake/*"
          element={
            <RequireArea area="intake">
              <IntakeArea />
            </RequireArea>
          }
        />
        <Route
          path="supervision/*"
          element={
            <RequireArea area="supervisor">
              <SupervisorArea />
            </RequireArea>
          }
        />
        <Route
          path="flows/*"
          element={
            <RequireArea area="designer">
              <DesignerArea />
            </RequireArea>
          }
        />
        <Route
          path="calendars/*"
          element={
            <RequireArea area="admin">
              <AdminArea />
            </RequireArea>
          }
        />
        <Route
          path="cases/:caseId"
          element={
            <RequireArea area="cases">
              <CasePage />
            </RequireArea>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
