import {
  CompleteStepRequestSchema,
  EmergencyRequestSchema,
  ExtensionRequestSchema,
  FeedbackRequestSchema,
  IdempotencyKeyHeadersSchema,
  InboxQuerySchema,
  ReturnStepRequestSchema,
  StalledQuerySchema,
  StartCaseRequestSchema,
} from '../../../api/schemas';

describe('request schemas', () => {
  it('defaults pageSize to 50 and refuses more than 500', () => {
    expect(InboxQuerySchema.parse({})).toEqual({ pageSize: 50 });
    expect(InboxQuerySchema.parse({ pageSize: '500', pageToken: 'abc' })).toEqual({
      pageSize: 500,
      pageToken: 'abc',
    });
    expect(InboxQuerySchema.safeParse({ pageSize: '501' }).success).toBe(false);
    expect(InboxQuerySchema.safeParse({ pageSize: '0' }).success).toBe(false);
  });

  it('reads the stalled query: overdue flag, stage and an ISO idleFor', () => {
    expect(StalledQuerySchema.parse({ overdue: 'true', stage: 'action', idleFor: 'P1DT12H' })).toEqual({
      pageSize: 50,
      overdue: true,
      stage: 'action',
      idleFor: 'P1DT12H',
    });
    expect(StalledQuerySchema.parse({ overdue: 'false' }).overdue).toBe(false);
    for (const idleFor of ['3d', 'P', 'PT', 'P1H', '1 day']) {
      expect([idleFor, StalledQuerySchema.safeParse({ idleFor }).success]).toEqual([idleFor, false]);
    }
    expect(StalledQuerySchema.safeParse({ overdue: 'yes' }).success).toBe(false);
    expect(StalledQuerySchema.safeParse({ stage: 'closed' }).success).toBe(false);
  });

  it('accepts a minimal start request and rejects a bad caseId or priority', () => {
    const minimal = { flowId: 'urban.exposed-garbage', region: '440104001001001', data: { address: 'x' } };
    expect(StartCaseRequestSchema.parse(minimal)).toEqual(minimal);
    expect(StartCaseRequestSchema.safeParse({ ...minimal, caseId: 'a/b' }).success).toBe(false);
    expect(StartCaseRequestSchema.safeParse({ ...minimal, priority: 'high' }).success).toBe(false);
    expect(StartCaseRequestSchema.safeParse({ ...minimal, data: undefined }).success).toBe(false);
  });

  it('needs a result object to complete and an Idempotency-Key header', () => {
    expect(CompleteStepRequestSchema.safeParse({ result: { done: true } }).success).toBe(true);
    expect(CompleteStepRequestSchema.safeParse({}).success).toBe(false);
    expect(IdempotencyKeyHeadersSchema.safeParse({ 'idempotency-key': 'k-1' }).success).toBe(true);
    expect(IdempotencyKeyHeadersSchema.safeParse({}).success).toBe(false);
  });

  it('knows the return reasons, extension deadlines with an offset, and emergency levels 0-4', () => {
    expect(ReturnStepRequestSchema.safeParse({ reason: 'wrong-area' }).success).toBe(true);
    expect(ReturnStepRequestSchema.safeParse({ reason: 'busy' }).success).toBe(false);
    expect(
      ExtensionRequestSchema.safeParse({ until: '2026-03-02T09:30:00+08:00', reason: 'r' }).success,
    ).toBe(true);
    expect(ExtensionRequestSchema.safeParse({ until: '2026-03-02T09:30:00', reason: 'r' }).success).toBe(
      false,
    );
    expect(EmergencyRequestSchema.safeParse({ level: 0, reason: 'over' }).success).toBe(true);
    expect(EmergencyRequestSchema.safeParse({ level: 5, reason: 'r' }).success).toBe(false);
  });

  it('reads feedback', () => {
    const feedback = {
      satisfaction: 'basically-satisfied',
      resolved: true,
      fault: 'department',
      comment: 'ok',
    };
    expect(FeedbackRequestSchema.parse(feedback)).toEqual(feedback);
    expect(FeedbackRequestSchema.safeParse({ satisfaction: 'meh', resolved: true }).success).toBe(false);
  });
});
