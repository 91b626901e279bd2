/** Case views as the engine writes them, for testing how requests read (exposed garbage, filed through Open311). */
import type { CaseView, StepView } from '../../../workflows/engine/case/case-view';
import { fakeView } from '../routes/fake-api';

const step = (id: string, fields: Partial<StepView>): StepView => ({
  id,
  title: id,
  stage: 'action',
  kind: 'task',
  status: 'pending',
  overdue: false,
  round: 1,
  ...fields,
});

/** A case filed at 09:00, verified by the grid inspector at 09:30, now waiting for sanitation since 10:00. */
export function viewOf(overrides: Partial<CaseView>): CaseView {
  return {
    ...fakeView(),
    caseId: 'GR-1',
    createdAt: '2026-03-09T09:00:00+08:00',
    data: {
      address: '北京路 1 号',
      description: '人行道上一堆垃圾',
      reportedBy: 'citizen',
      category: 'household',
      latitude: 23.124,
      longitude: 113.2695,
      reporterPhone: '13912345678',
      reporterGivenName: '娜娜',
    },
    steps: [
      step('verify', {
        status: 'completed',
        assignee: { department: 'datang-grid-1-inspector' },
        activatedAt: '2026-03-09T09:00:00+08:00',
        completedAt: '2026-03-09T09:30:00+08:00',
        result: { confirmed: true, note: '内部：现场核实属实' },
      }),
      step('handle', {
        status: 'active',
        assignee: { department: 'yuexiu-sanitation' },
        activatedAt: '2026-03-09T10:00:00+08:00',
      }),
    ],
    ...overrides,
  };
}
