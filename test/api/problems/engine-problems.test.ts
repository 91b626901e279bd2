/**
 * Every engine error class the API can receive, with the answer a client gets: thrown in the API process, and
 * carried by Temporal as the ApplicationFailure of a failed Update (the workflow names it after the class).
 */
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { ENGINE_ERROR_CLASSES, engineProblemOf } from '../../../api/problems/engine-problems';
import {
  ActionInvalidError,
  ActionNotAllowedError,
  CaseClosedError,
  CaseNotSuspendedError,
  CaseSuspendedError,
  ExtensionNotPendingError,
  FormMismatchError,
  IncidentNotOpenError,
  ParkNotPendingError,
  ReworkDecisionNotPendingError,
  StepNotActiveError,
  StepNotAssignedError,
  StepNotFoundError,
} from '../../../workflows/engine/case/case-errors';
import {
  AssigneeUnresolvedError,
  RegionUnknownError,
  SystemUnknownError,
} from '../../../workflows/engine/directory/directory-errors';
import { MigrationRefusedError } from '../../../workflows/engine/migration/migration-errors';
import {
  CalendarNoWorkingTimeError,
  DurationInvalidError,
  InstantInvalidError,
  TimezoneInvalidError,
  WorkingPeriodInvalidError,
} from '../../../workflows/engine/time/time-errors';

/** [an error of each class, its status (500: a fault of the deployment, answered as unexpected), its slug]. */
const EVERY_ENGINE_ERROR: [Error, number, string][] = [
  [new StepNotActiveError('handle', 'completed'), 409, 'step-not-active'],
  [new StepNotFoundError('nope'), 404, 'step-not-found'],
  [new StepNotAssignedError('handle', 'yuexiu-sanitation'), 403, 'step-not-assigned'],
  [new FormMismatchError([{ path: 'result.done', message: 'is required' }]), 422, 'form-mismatch'],
  [new ActionNotAllowedError('return', 'not in allow'), 409, 'action-not-allowed'],
  [new ActionInvalidError('extension', 'until is past'), 422, 'action-invalid'],
  [new CaseClosedError('closed'), 409, 'case-closed'],
  [new CaseSuspendedError('urge'), 409, 'case-suspended'],
  [new CaseNotSuspendedError(), 409, 'case-not-suspended'],
  [new ExtensionNotPendingError('handle'), 409, 'extension-not-pending'],
  [new ParkNotPendingError('handle'), 409, 'park-not-pending'],
  [new IncidentNotOpenError('dispatch'), 409, 'incident-not-open'],
  [new ReworkDecisionNotPendingError('check'), 409, 'rework-decision-not-pending'],
  [
    new MigrationRefusedError([{ path: 'steps.handle', message: "version 2 has no step 'handle'" }]),
    422,
    'migration-refused',
  ],
  [new RegionUnknownError('999'), 422, 'region-unknown'],
  [
    new AssigneeUnresolvedError({ role: 'sanitation', level: 'district' }, '440104', 'none'),
    422,
    'assignee-unresolved',
  ],
  [new SystemUnknownError('district-dispatch', 'dispatch'), 500, 'internal'],
  [new InstantInvalidError('tomorrow', 'not RFC 3339'), 400, 'instant-invalid'],
  [new DurationInvalidError('soon', 'not ISO 8601'), 400, 'duration-invalid'],
  [new TimezoneInvalidError('Mars/Olympus'), 500, 'internal'],
  [new WorkingPeriodInvalidError('cn-mainland', ['17:00', '08:00']), 500, 'internal'],
  [new CalendarNoWorkingTimeError('cn-mainland', '2026-01-01', 3650), 500, 'internal'],
];

const viaTemporal = (error: Error) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({
      type: error.name,
      message: error.message,
      nonRetryable: true,
      details: 'errors' in error ? [error.errors] : [],
    }),
  );

describe('engine errors as HTTP problems', () => {
  it('lists every engine error class the API can receive', () => {
    expect(EVERY_ENGINE_ERROR.map(([error]) => error.name).sort()).toEqual(
      Object.keys(ENGINE_ERROR_CLASSES).sort(),
    );
  });

  it.each(EVERY_ENGINE_ERROR.map(([error, status, slug]) => [error.name, status, slug, error] as const))(
    'answers %s with %i %s, thrown here or carried by Temporal',
    (_name, status, slug, error) => {
      for (const problem of [engineProblemOf(error), engineProblemOf(viaTemporal(error))]) {
        if (status === 500) expect(problem).toBeUndefined();
        else expect(problem).toMatchObject({ status, slug, detail: error.message });
      }
    },
  );

  it.each([
    new FormMismatchError([{ path: 'result.done', message: 'is required' }]),
    new MigrationRefusedError([{ path: 'steps.handle', message: 'cannot move' }]),
  ])('keeps the located errors of a $name on both paths', (error) => {
    for (const problem of [engineProblemOf(error), engineProblemOf(viaTemporal(error))]) {
      expect(problem?.errors).toEqual(error.errors);
    }
  });

  it('does not take an error for an engine error by its name alone, nor a failure of another type', () => {
    const impostor = Object.assign(new Error('x'), { name: 'CaseClosedError' });
    expect(engineProblemOf(impostor)).toBeUndefined();
    expect(engineProblemOf(ApplicationFailure.create({ type: 'toString', message: 'x' }))).toBeUndefined();
  });
});
