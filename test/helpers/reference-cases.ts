/**
 * One happy-path case per reference flow in flows/: the start fields, the results that take the happy branch
 * where the first enum value would not, and the steps that must complete (the others must be skipped).
 */
import type { StartCaseFields } from '../../api/cases/build-case-input';

export interface ReferenceCase {
  readonly fields: Omit<StartCaseFields, 'caseId'>;
  readonly results?: Readonly<Record<string, Record<string, unknown>>>;
  readonly completed: readonly string[];
}

const GRID = '440104001001001';

export const REFERENCE_CASES: Readonly<Record<string, ReferenceCase>> = {
  'urban.exposed-garbage': {
    fields: {
      flowId: 'urban.exposed-garbage',
      region: GRID,
      data: { address: '越秀区北京路 1 号', reportedBy: 'citizen' },
    },
    completed: ['verify', 'file', 'dispatch', 'handle', 'check', 'close', 'notify-reporter'],
  },
  'urban.missing-manhole-cover': {
    fields: {
      flowId: 'urban.missing-manhole-cover',
      region: GRID,
      priority: 'urgent',
      data: { address: '越秀区大塘街 8 号', injuries: false },
    },
    results: { verify: { confirmed: true, owner: 'drainage' } },
    completed: ['verify', 'dispatch', 'secure-drainage', 'check', 'notify-closed'],
  },
  'hotline.12345-complaint': {
    fields: {
      flowId: 'hotline.12345-complaint',
      region: GRID,
      data: { callerName: '张先生', content: '小区门口路灯不亮' },
    },
    results: { classify: { category: 'general' } },
    completed: ['accept', 'classify', 'dispatch', 'handle-general', 'check-reply', 'reply-caller'],
  },
  'business.startup': {
    fields: {
      flowId: 'business.startup',
      region: GRID,
      profile: 'national-2018',
      data: {
        companyName: '广州某某科技有限公司',
        companyType: 'limited-company',
        legalRepresentative: '李四',
        address: '越秀区中山五路 2 号',
        openBankAccount: true,
      },
    },
    completed: [
      'accept',
      'register',
      'share-licence',
      'seal',
      'invoices',
      'social-insurance',
      'housing-fund',
      'bank-account',
      'complete',
    ],
  },
  'health.public-health-report': {
    fields: {
      flowId: 'health.public-health-report',
      region: GRID,
      data: {
        reportingUnit: '越秀区某医院',
        eventType: 'food-poisoning',
        description: '学校食堂 12 人呕吐腹泻',
        cases: 12,
        grade: 'unassessed',
      },
    },
    completed: [
      'receive-report',
      'report-county-government',
      'report-city-health',
      'report-national-system',
      'county-government-report',
      'city-government-report',
      'province-report',
      'investigate',
      'after-action-report',
    ],
  },
};
