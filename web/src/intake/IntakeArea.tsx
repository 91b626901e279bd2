/** The intake seat's area (受理), loaded on demand; the follow-up visit is on the case page. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/StatusPages';
import { StartCasePage } from './StartCasePage';

export default function IntakeArea() {
  return (
    <Routes>
      <Route index element={<StartCasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
