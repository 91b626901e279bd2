import { resolveCaseDirectory } from '../../../../workflows/engine/directory';
import type { DurationSpec, Flow, Step } from '../../../../workflows/engine/flow-model';
import { directory } from './fixture-directory';

const hours = (n: number): DurationSpec => ({
  text: `${n}h`,
  negative: false,
  days: 0,
  millis: n * 3_600_000,
});
const base = { after: [], form: {}, allow: [], escalation: [] };

const steps: Step[] = [
  {
    ...base,
    id: 'verify',
    stage: 'assessment',
    kind: 'task',
    assignee: { role: 'inspector', level: 'grid' },
  },
  {
    id: 'dispatch',
    stage: 'mobilization',
    kind: 'service',
    after: ['verify'],
    call: { system: 'district-dispatch', operation: 'createWorkOrder', input: {} },
  },
  {
    ...base,
    id: 'handle',
    stage: 'action',
    kind: 'task',
    after: ['dispatch'],
    assignee: { role: 'sanitation', level: 'district' },
    escalation: [
      { at: hours(0), do: 'urge' },
      { at: hours(1), do: 'escalate', to: { role: 'supervisor', level: 'district' } },
      { at: hours(2), do: 'escalate', to: { role: 'supervisor', level: 'city' } },
    ],
  },
  // the same spec twice is resolved once
  {
    ...base,
    id: 'check',
    stage: 'supervision',
    kind: 'task',
    assignee: { role: 'inspector', level: 'grid' },
  },
  {
    id: 'notify',
    stage: 'supervision',
    kind: 'notify',
    after: ['check'],
    assignee: { role: 'hotline', level: 'city' },
    message: { en: 'done' },
  },
  { id: 'pause', stage: 'review', kind: 'wait', after: ['notify'], clock: 'calendar', for: hours(1) },
];

const flow: Flow = {
  id: 'test.flow',
  version: 1,
  title: { en: 'Test' },
  source: [],
  calendar: 'cn-mainland',
  data: {},
  steps,
  emergency: {
    triggers: [],
    steps: [
      {
        ...base,
        id: 'report',
        stage: 'emergency',
        kind: 'task',
        assignee: { role: 'duty-office', level: 'district' },
      },
    ],
  },
  profiles: {},
};

describe('resolveCaseDirectory', () => {
  it('pins the region path, every assignee, their departments and the systems called', () => {
    expect(resolveCaseDirectory(directory, flow, '101001002001')).toEqual({
      regionPath: ['101001002001', '101001002', '101001', '101', '100'],
      assignees: {
        'role:inspector@grid': { department: 'community-b', role: 'inspector', level: 'community' },
        'role:sanitation@district': {
          department: 'district-101-sanitation',
          role: 'sanitation',
          level: 'district',
        },
        'role:supervisor@district': {
          department: 'district-101-sanitation',
          role: 'supervisor',
          level: 'district',
        },
        'role:supervisor@city': { department: 'city-hotline', role: 'supervisor', level: 'city' },
        'role:hotline@city': { department: 'city-hotline', role: 'hotline', level: 'city' },
        'role:duty-office@district': { department: 'city-duty', role: 'duty-office', level: 'city' },
      },
      departments: {
        'community-b': directory.departments[1],
        'district-101-sanitation': directory.departments[3],
        'city-hotline': directory.departments[5],
        'city-duty': directory.departments[6],
      },
      systems: { 'district-dispatch': directory.systems[0] },
    });
  });

  it('keys a department assignee as dept:<id>', () => {
    const byDepartment: Flow = {
      ...flow,
      steps: [
        { ...base, id: 'only', stage: 'action', kind: 'task', assignee: { department: 'street-office' } },
      ],
      emergency: undefined,
    };
    expect(resolveCaseDirectory(directory, byDepartment, '100').assignees).toEqual({
      'dept:street-office': { department: 'street-office' },
    });
  });

  it('throws AssigneeUnresolvedError when any assignee cannot be resolved', () => {
    // grid A2: no inspector on its whole path
    expect(() => resolveCaseDirectory(directory, flow, '101001001002')).toThrow(
      expect.objectContaining({
        name: 'AssigneeUnresolvedError',
        spec: { role: 'inspector', level: 'grid' },
      }),
    );
  });

  it('throws SystemUnknownError for a service step calling an unknown system', () => {
    const unknownSystem: Flow = {
      ...flow,
      steps: [
        {
          id: 'call',
          stage: 'mobilization',
          kind: 'service',
          after: [],
          call: { system: 'nowhere', operation: 'x', input: {} },
        },
      ],
    };
    expect(() => resolveCaseDirectory(directory, unknownSystem, '101001001001')).toThrow(
      expect.objectContaining({
        name: 'SystemUnknownError',
        message: 'Step "call" calls system "nowhere", which is not in the directory',
      }),
    );
  });

  it('throws RegionUnknownError for an unknown case region', () => {
    expect(() => resolveCaseDirectory(directory, flow, 'x')).toThrow(
      expect.objectContaining({ name: 'RegionUnknownError' }),
    );
  });
});
