/**
 * A process that starts the HTTP harness, asks the API for something that needs no Temporal call, closes the
 * harness and then has nothing left to do: test/api/harness-close.int.test.ts checks that it exits by itself.
 */
import pino from 'pino';
import request from 'supertest';
import { bearer, INTAKE, startHttpHarness } from './http-case-harness';

void (async () => {
  const harness = await startHttpHarness(pino({ level: 'silent' }));
  const answer = await request(harness.app)
    .get('/v1/flows')
    .set('Authorization', await bearer(INTAKE));
  await harness.close();
  process.stdout.write(`closed after ${answer.status}\n`);
})();
