/** The intake seat's area (受理, 待回访), loaded on demand; the follow-up visit itself is on the case page. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/StatusPages';
import { FollowUpListPage } from './FollowUpListPage';
import { StartCasePage } from './StartCasePage';

export default function IntakeArea() {
  return (
    <Routes>
      <Route index element={<StartCasePage />} />
      <Route path="follow-ups" element={<FollowUpListPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
