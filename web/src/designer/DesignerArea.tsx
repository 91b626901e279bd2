/** The designer's area (流程设计): catalogue, one flow's diagram and deadlines, the YAML editor; loaded on demand. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/StatusPages';
import { FlowCatalogPage } from './FlowCatalogPage';
import { FlowPage } from './FlowPage';
import { YamlEditorPage } from './YamlEditorPage';

export default function DesignerArea() {
  return (
    <Routes>
      <Route index element={<FlowCatalogPage />} />
      <Route path="editor" element={<YamlEditorPage />} />
      <Route path=":flowId" element={<FlowPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
