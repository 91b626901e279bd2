/** The admin's own area: publishing working-calendar revisions (日历发布), loaded on demand. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/StatusPages';
import { CalendarPublishPage } from './CalendarPublishPage';

export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<CalendarPublishPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
