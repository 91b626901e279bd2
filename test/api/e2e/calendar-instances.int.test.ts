/**
 * A calendar revision published on one API instance applies at once on every other instance over the same ledger
 * (docs/calendar-revisions.md), on the real dev server and a real database (an SQLite file; PostgreSQL where the
 * ledger tests run it): two instances, each with its own connection to the ledger and its own calendars as loaded at
 * its start; a revision published on the first makes the next case started on the second pin that revision, and its
 * deadline skips the new holiday.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import request from 'supertest';
import type { LedgerEngine } from '../../../ledger';
import type { CaseInput } from '../../../workflows/engine/case-input';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { ledgerEngines, stopSharedPostgres } from '../../helpers/ledger-engines';
import {
  alwaysOpenFile,
  CALENDAR_ADMIN,
  dateIn,
  DAY,
  REVISION_FLOW_ID,
  REVISION_FLOWS_DIR,
} from '../support/calendar-revision-fixture';
import { bearer, expectStatus, HttpCaseDriver, type HttpHarness } from '../support/http-case-harness';
import { useTwoApiInstances } from '../support/two-api-instances';

const FLOW_ID = REVISION_FLOW_ID;
const ADMIN = CALENDAR_ADMIN;
const FLOWS_DIR = REVISION_FLOWS_DIR;

afterAll(stopSharedPostgres);

describe.each(ledgerEngines())(
  'calendar revisions across API instances (%s ledger)',
  (engine: LedgerEngine) => {
    const instances = useTwoApiInstances(engine, FLOWS_DIR);

    /** Starts a case of the fixture flow on `instance`; its id and its whole-case deadline less its start, in ms. */
    async function startOn(instance: HttpHarness) {
      const caseId = uniqueCaseId('E2E-INSTANCES');
      const started = await request(instance.app)
        .post('/v1/cases')
        .set('Authorization', await bearer(ADMIN))
        .send({ caseId, flowId: FLOW_ID, region: '440104001001001', data: { address: '北京路 1 号' } });
      expectStatus(started, 201, 'start');
      const view = await new HttpCaseDriver(instance.app, instance.service).view(caseId, ADMIN);
      return { caseId, allowed: Date.parse(view.dueAt ?? '') - Date.parse(view.createdAt), view };
    }

    /** The calendar the case pinned, as its workflow was started with it. */
    async function pinnedCalendar(instance: HttpHarness, caseId: string) {
      const history = await instance.client.workflow.getHandle(`case-${caseId}`).fetchHistory();
      const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      if (payload === undefined) throw new Error(`no start input for ${caseId}`);
      return defaultPayloadConverter.fromPayload<{ case: CaseInput }>(payload).case.calendar;
    }

    it('gives the next case on the other instance the revision published on the first, with its days', async () => {
      const { first, second } = instances;
      const before = await startOn(second);
      expect(before.allowed).toBe(3 * DAY);
      expect((await pinnedCalendar(second, before.caseId)).revision).toBeUndefined();

      const holiday = dateIn(2);
      const published = await request(first.app)
        .post('/v1/calendars/always-open/revisions')
        .set('Authorization', await bearer(ADMIN))
        .send(alwaysOpenFile([holiday]));
      expectStatus(published, 201, 'publish on the first instance');
      expect(published.body).toMatchObject({ calendar: 'always-open', revision: 1 });

      const after = await startOn(second);
      const pinned = await pinnedCalendar(second, after.caseId);
      expect(pinned.revision).toBe(1);
      expect(pinned.holidays).toContain(holiday);
      // Three working days round the clock, and the holiday skipped.
      expect(after.allowed).toBe(4 * DAY);
      expect(after.view.dueExplanation).toMatch(new RegExp(`holidays ${holiday} skipped`));

      // The publishing view on the other instance starts from the revision as it was published.
      const current = await request(second.app)
        .get('/v1/calendars/always-open')
        .set('Authorization', await bearer(ADMIN));
      expectStatus(current, 200, 'current calendar on the second instance');
      expect(current.body).toMatchObject({
        revision: 1,
        publishedBy: ADMIN.sub,
        source: alwaysOpenFile([holiday]),
      });
    });
  },
);
