/**
 * The supervisor's area (督办): dashboard, stalled cases and case search, loaded on demand; actions are on the case
 * page.
 */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/StatusPages';
import { CaseSearchPage } from './CaseSearchPage';
import { DashboardPage } from './DashboardPage';
import { StalledList } from './StalledPage';

export default function SupervisorArea() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="stalled" element={<StalledList />} />
      <Route path="search" element={<CaseSearchPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
