/** The department's area (待办), loaded on demand. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/StatusPages';
import { InboxList } from './InboxPage';

export default function DepartmentArea() {
  return (
    <Routes>
      <Route index element={<InboxList />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
