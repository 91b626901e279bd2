/**
 * The `/v1/cases` routes of the contract: start, read, and every action on a case or one of its steps.
 */
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  CancelRequestSchema,
  CaseParamsSchema,
  CaseViewSchema,
  ClaimStepRequestSchema,
  CompleteStepRequestSchema,
  EmergencyRequestSchema,
  ExtensionDecisionRequestSchema,
  ExtensionRequestSchema,
  FeedbackRequestSchema,
  IdempotencyKeyHeadersSchema,
  ReassignRequestSchema,
  ResumeRequestSchema,
  ReturnStepRequestSchema,
  StartCaseRequestSchema,
  StepParamsSchema,
  SuspendRequestSchema,
  TimelineSchema,
  UrgeRequestSchema,
} from '../schemas';
import { jsonBody, jsonResponse, problems } from './openapi-responses';

const TAG = ['Cases'];
const view = jsonResponse(CaseViewSchema, 'The case view');
const STEP = '/v1/cases/{caseId}/steps/{stepId}';

/** Supervisor actions on the whole case: path suffix, body, summary. */
const SUPERVISOR_ACTIONS = [
  ['emergency', EmergencyRequestSchema, 'Open, raise, lower (level 1-4) or close (level 0) an emergency'],
  ['urge', UrgeRequestSchema, '催办: urge the department holding a step'],
  ['reassign', ReassignRequestSchema, '改派: reassign a step to another department'],
  ['suspend', SuspendRequestSchema, 'Suspend the case; SLA clocks stop'],
  ['resume', ResumeRequestSchema, 'Resume a suspended case'],
  ['cancel', CancelRequestSchema, 'Cancel the case'],
] as const;

export function registerCasePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/cases',
    tags: TAG,
    summary: 'Start a case',
    description:
      'Roles: intake, admin. The same caseId with the same body again answers 200 and starts nothing.',
    request: jsonBody(StartCaseRequestSchema),
    responses: {
      200: jsonResponse(CaseViewSchema, 'Already started with this body: the current view'),
      201: jsonResponse(
        CaseViewSchema,
        'Started',
        z.object({ Location: z.string().meta({ example: '/v1/cases/GZ-1' }) }),
      ),
      ...problems(400, 403, 404, 409, 422, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{caseId}',
    tags: TAG,
    summary: 'The case view',
    description: 'Any role that may see the case.',
    request: { params: CaseParamsSchema },
    responses: { 200: view, ...problems(403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{caseId}/timeline',
    tags: TAG,
    summary: 'Everything that happened, oldest first, with who did it',
    description: 'Any role that may see the case.',
    request: { params: CaseParamsSchema },
    responses: { 200: jsonResponse(TimelineSchema, 'The timeline'), ...problems(403, 404, 503) },
  });
  registerStepPaths(registry);
  for (const [action, schema, summary] of SUPERVISOR_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/v1/cases/{caseId}/${action}`,
      tags: TAG,
      summary,
      description: 'Roles: supervisor (case within its region), admin.',
      request: { params: CaseParamsSchema, ...jsonBody(schema) },
      responses: { 200: view, ...problems(400, 403, 404, 409, 422, 503) },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{caseId}/feedback',
    tags: TAG,
    summary: '回访: the follow-up visit, while the review window is open',
    description: 'Role: intake.',
    request: { params: CaseParamsSchema, ...jsonBody(FeedbackRequestSchema) },
    responses: { 200: view, ...problems(400, 403, 404, 409, 503) },
  });
}

function registerStepPaths(registry: OpenAPIRegistry): void {
  const department = 'Role: department (the step must be assigned to it).';
  const post = (
    path: string,
    summary: string,
    description: string,
    extra: Omit<NonNullable<RouteConfig['request']>, 'params'>,
    responses: RouteConfig['responses'],
  ) =>
    registry.registerPath({
      method: 'post',
      path,
      tags: TAG,
      summary,
      description,
      request: { params: StepParamsSchema, ...extra },
      responses: { ...responses, ...problems(400, 403, 404, 409, 503) },
    });
  post(`${STEP}/claim`, '签收: acknowledge the task', department, jsonBody(ClaimStepRequestSchema), {
    200: view,
  });
  post(
    `${STEP}/complete`,
    'Complete the step with its form result',
    department,
    {
      headers: IdempotencyKeyHeadersSchema,
      ...jsonBody(CompleteStepRequestSchema),
    },
    { 200: view, ...problems(422) },
  );
  post(
    `${STEP}/return`,
    '退单: send the step back, if it allows return',
    department,
    jsonBody(ReturnStepRequestSchema),
    {
      200: view,
    },
  );
  post(
    `${STEP}/extension`,
    '延期: ask for a later deadline, if allowed',
    department,
    jsonBody(ExtensionRequestSchema),
    {
      202: jsonResponse(CaseViewSchema, 'Requested; a supervisor decides'),
      ...problems(422),
    },
  );
  post(
    `${STEP}/extension/decision`,
    'Approve or refuse the pending extension',
    'Role: supervisor (case within its region).',
    jsonBody(ExtensionDecisionRequestSchema),
    { 200: view },
  );
  post(
    `${STEP}/retry`,
    'Retry a step that ended in an incident',
    'Role: supervisor (case within its region).',
    {},
    {
      200: view,
    },
  );
}
