/**
 * A start sent again after a lost answer (a timeout, a dropped connection) must not open a second case: without a
 * `caseId`, the `Idempotency-Key` makes the retry meet the case of the first attempt.
 */
import request from 'supertest';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import { bearer, INTAKE, useHttpHarness } from '../support/http-case-harness';

describe('starting a case without a caseId, sent again', () => {
  const live = useHttpHarness();
  const { fields } = REFERENCE_CASES['urban.exposed-garbage']!;

  const start = async (key: string | undefined, body: object, actor = INTAKE) => {
    const call = request(live.harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(actor));
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };

  it('answers the case of the first attempt for the same Idempotency-Key, and 409 for another body', async () => {
    const key = `intake-form-${Date.now()}`;
    const first = await start(key, fields);
    expect(first.status).toBe(201);
    const again = await start(key, fields);
    expect([again.status, again.body.caseId]).toEqual([200, first.body.caseId]);
    const other = await start(key, { ...fields, data: { ...fields.data, address: '另一个地址' } });
    expect([other.status, other.body.type]).toEqual([409, 'https://fullcycle.dev/problems/conflict']);
  });

  it("keeps one caller's keys apart from another's", async () => {
    const key = `shared-key-${Date.now()}`;
    const mine = await start(key, fields);
    const theirs = await start(key, fields, { ...INTAKE, sub: 'seat-13' });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.caseId).not.toBe(mine.body.caseId);
  });

  it('starts a second case for a retry without a key, as documented', async () => {
    const [first, second] = [await start(undefined, fields), await start(undefined, fields)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.caseId).not.toBe(first.body.caseId);
  });
});
