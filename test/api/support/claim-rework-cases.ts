/**
 * Cases of the claim and rework fixtures (test/fixtures/flows/claim-rework: a claim limit of 2 seconds; a rework
 * with max 1 and onExceeded: decide) over HTTP: starting one, and failing the rework's check round after round
 * until it passes its max and waits for a supervisor's decision.
 */
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { Flow } from '../../../workflows/engine/flow-model';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { INTAKE, bearer, expectStatus, stepIn, type HttpCaseDriver } from './http-case-harness';

export const CLAIM_REWORK_FLOWS_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  'fixtures',
  'flows',
  'claim-rework',
);

/** Starts a case of the fixture flow `flowId` in 大塘社区第1网格 as the intake seat; fails on anything but 201. */
export async function startFixtureCase(app: Express, flowId: string, prefix: string): Promise<string> {
  const caseId = uniqueCaseId(prefix);
  const started = await request(app)
    .post('/v1/cases')
    .set('Authorization', await bearer(INTAKE))
    .send({ caseId, flowId, region: '440104001001001', data: { address: '北京路 1 号' } });
  expectStatus(started, 201, 'start');
  return caseId;
}

/** For each of `rounds` (handle's round numbers, in order): completes handle, then fails the check. */
export async function failReworkRounds(
  driver: HttpCaseDriver,
  caseId: string,
  flow: Flow,
  rounds: readonly number[],
): Promise<void> {
  for (const round of rounds) {
    const atHandle = await driver.until(
      caseId,
      (v) => stepIn(v, 'handle').status === 'active' && stepIn(v, 'handle').round === round,
      `handle round ${round}`,
    );
    await driver.complete(caseId, flow, stepIn(atHandle, 'handle'));
    const atCheck = await driver.until(
      caseId,
      (v) => stepIn(v, 'check').status === 'active',
      `check round ${round}`,
    );
    await driver.complete(caseId, flow, stepIn(atCheck, 'check'), { fixed: false });
  }
}
