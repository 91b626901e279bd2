/**
 * Publishing a calendar revision while cases run, over HTTP only, on the real dev server: a case of the fixture
 * flow fixture.round-the-clock (always-open calendar) whose `verify` deadline has passed and whose whole-case
 * deadline is still ahead receives revision 1, which makes the day after tomorrow a holiday: the pending deadline
 * moves a day, the passed one stays, both are explained, and the timeline says who published what.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { flowsSelectionQuery } from '../../../activities/calendar-revision-activities';
import type { Actor } from '../../../api/auth';
import type { CalendarRevisionBody } from '../../../api/schemas';
import { createCalendarsCommand } from '../../../scripts/commands/calendars-command';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { eventually } from '../../helpers/eventually';
import {
  alwaysOpenFile,
  CALENDAR_ADMIN,
  dateIn,
  DAY,
  REVISION_FLOW_ID,
  REVISION_FLOWS_DIR,
} from '../support/calendar-revision-fixture';
import { bearer, expectStatus, stepIn, timelineOf, useHttpHarness } from '../support/http-case-harness';

const FLOW_ID = REVISION_FLOW_ID;
const ADMIN = CALENDAR_ADMIN;
const DESIGNER: Actor = { sub: 'designer-7', role: 'designer' };
const FLOWS_DIR = REVISION_FLOWS_DIR;
const calendarFile = alwaysOpenFile;

describe('publishing a calendar revision while cases run, over HTTP', () => {
  const live = useHttpHarness({ flowsDir: FLOWS_DIR });
  const revisions = '/v1/calendars/always-open/revisions';
  /** The case the publication test revised, for the CLI's test after it. */
  let caseOnRevision1: { readonly caseId: string; readonly due: number } | undefined;

  async function publish(body: object, actor: Actor = ADMIN) {
    return request(live.harness.app)
      .post(revisions)
      .set('Authorization', await bearer(actor))
      .send(body);
  }

  it('refuses a calendar that is not valid, one that changes its hours, and anyone but an admin', async () => {
    const bad = await publish({ ...calendarFile(['2027-02-30']), weekend: ['someday'] });
    expectStatus(bad, 422, 'bad calendar');
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'holidays[0]',
      'weekend[0]',
    ]);
    const hours = await publish({ ...calendarFile([]), workingHours: [['08:00', '20:00']] });
    expectStatus(hours, 422, 'hours changed');
    expect(hours.body).toMatchObject({ errors: [{ path: 'workingHours' }] });
    expectStatus(await publish({ ...calendarFile([]), name: 'office' }), 422, 'another name');
    expectStatus(await publish(calendarFile([]), DESIGNER), 403, 'designer');
    const unknown = await request(live.harness.app)
      .post('/v1/calendars/nowhere/revisions')
      .set('Authorization', await bearer(ADMIN))
      .send({ ...calendarFile([]), name: 'nowhere' });
    expectStatus(unknown, 404, 'unknown calendar');
  });

  it('answers a calendar never published as its file, to admins only', async () => {
    const read = async (path: string, actor: Actor = ADMIN) =>
      request(live.harness.app)
        .get(path)
        .set('Authorization', await bearer(actor));
    const current = await read('/v1/calendars/always-open');
    expectStatus(current, 200, 'always-open');
    expect(current.body).toEqual({
      calendar: 'always-open',
      timezone: 'UTC',
      revision: 0,
      source: calendarFile([]),
    });
    const listed = await read('/v1/calendars');
    expectStatus(listed, 200, 'calendars');
    const items = (listed.body as { items: { calendar: string; revision: number }[] }).items;
    expect(items.map(({ calendar, revision }) => [calendar, revision])).toEqual([
      ['always-open', 0],
      ['cn-mainland', 0],
      ['us-sf', 0],
    ]);
    expect(items[1]).toMatchObject({
      source: { name: 'cn-mainland', holidayRules: expect.any(Array) as unknown },
    });
    expectStatus(await read('/v1/calendars/always-open', DESIGNER), 403, 'designer');
    expectStatus(await read('/v1/calendars', DESIGNER), 403, 'designer lists');
    const unknown = await read('/v1/calendars/nowhere');
    expectStatus(unknown, 404, 'unknown calendar');
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('moves the pending deadline of a running case, keeps its passed one, explains both, and says why on the timeline', async () => {
    const caseId = uniqueCaseId('E2E-CALENDAR');
    const started = await request(live.harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(ADMIN))
      .send({ caseId, flowId: FLOW_ID, region: '440104001001001', data: { address: '北京路 1 号' } });
    expectStatus(started, 201, 'start');
    // `verify` (2 seconds) has passed its deadline; the case's (3 days) is ahead.
    const before = await live.driver.until(
      caseId,
      (v) => stepIn(v, 'verify').overdue,
      'verify overdue',
      ADMIN,
    );
    const verifyDue = stepIn(before, 'verify').dueAt;
    const caseDue = Date.parse(before.dueAt ?? '');
    await eventually(async () => {
      const listed = live.harness.client.workflow.list({
        query: flowsSelectionQuery({ flowIds: [FLOW_ID], taskQueue: live.harness.taskQueue }),
      });
      const ids: string[] = [];
      for await (const execution of listed) ids.push(execution.workflowId);
      return ids.includes(`case-${caseId}`);
    }, 'the case listed by visibility');

    const holiday = dateIn(2);
    const published = await publish(calendarFile([holiday]));
    expectStatus(published, 201, 'publish');
    expect(published.headers['location']).toBe(`${revisions}/1`);
    expect(published.body).toMatchObject({ calendar: 'always-open', revision: 1, publishedBy: ADMIN.sub });
    const done = await eventually(
      async () => {
        const read = await request(live.harness.app)
          .get(`${revisions}/1`)
          .set('Authorization', await bearer(ADMIN));
        expectStatus(read, 200, 'progress');
        const body = read.body as CalendarRevisionBody;
        return body.publication?.status === 'completed' ? body : undefined;
      },
      'the publication completed',
      { timeoutMs: 60_000 },
    );
    expect(done.publication?.cases).toContainEqual({ caseId, outcome: 'revised', moved: 1 });

    const after = await live.driver.view(caseId, ADMIN);
    expect(Date.parse(after.dueAt ?? '')).toBe(caseDue + DAY);
    expect(after.dueExplanation).toMatch(
      new RegExp(
        `holidays ${holiday} skipped.*\\(recomputed on always-open revision 1 \\(published .* by ${ADMIN.sub}\\); was `,
      ),
    );
    expect(stepIn(after, 'verify').dueAt).toBe(verifyDue);
    expect(stepIn(after, 'verify').dueExplanation).toMatch(
      /; kept on always-open revision 1 .*: it had passed$/,
    );
    const entry = (await timelineOf(live.harness.app, caseId, ADMIN)).find(
      (e) => e.type === 'calendar-revised',
    );
    expect(entry).toMatchObject({ actor: { sub: ADMIN.sub, role: 'admin' } });
    expect((entry as { detail?: string }).detail).toMatch(
      /^always-open revision 0 → 1 \(published .* by admin-calendars\), its days from .*: verify kept \(passed .*\); the case due .* → /,
    );

    // New cases start on revision 1; the same content again names the same revision and starts nothing new.
    expect(live.harness.service.calendars.get('always-open')?.revision).toBe(1);
    const again = await publish(calendarFile([holiday]));
    expectStatus(again, 200, 'same content again');
    expect(again.body).toMatchObject({ revision: 1 });
    caseOnRevision1 = { caseId, due: caseDue + DAY };
  });

  /** Runs `fullcycle calendars <args>` as an admin against the harness's API in `dir`; answers exit code and lines. */
  async function calendarsCli(dir: string, args: readonly string[]) {
    const server = live.harness.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const out: string[] = [];
    const env = { FULLCYCLE_TOKEN: (await bearer(ADMIN)).replace('Bearer ', '') };
    const context = () => ({
      env,
      io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) },
      cwd: dir,
      now: Date.now,
    });
    try {
      process.exitCode = undefined;
      await createCalendarsCommand(context).parseAsync(['node', 'calendars', ...args, '--api', api]);
      return { exitCode: process.exitCode, out };
    } finally {
      process.exitCode = undefined;
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('publishes the next revision from the CLI, following its batch to the end', async () => {
    const running = caseOnRevision1;
    if (running === undefined) throw new Error('needs the case of the test before');
    const dir = await mkdtemp(path.join(tmpdir(), 'calendars-'));
    await writeFile(path.join(dir, 'always-open.yaml'), JSON.stringify(calendarFile([dateIn(2), dateIn(3)])));
    const { exitCode, out } = await calendarsCli(dir, ['publish', 'always-open.yaml']).finally(() =>
      rm(dir, { recursive: true }),
    );
    expect(exitCode).toBe(0);
    expect(out[0]).toMatch(/^always-open revision 2, published by admin-calendars at /);
    expect(out).toContain(`  ${running.caseId} revised: 1 deadlines moved`);
    expect(out.at(-1)).toBe('1 revised, 0 skipped, 0 refused, 0 failed');
    const after = await live.driver.view(running.caseId, ADMIN);
    expect(Date.parse(after.dueAt ?? '')).toBe(running.due + DAY);
  });

  it('lists the calendars and shows the latest revision as YAML that publishes back unchanged', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'calendars-'));
    try {
      const listed = await calendarsCli(dir, ['list']);
      expect(listed.exitCode).toBe(0);
      expect(listed.out).toContainEqual(
        expect.stringMatching(/^always-open \(UTC\): revision 2, published by admin-calendars at /),
      );
      const shown = await calendarsCli(dir, ['show', 'always-open']);
      expect(shown.exitCode).toBe(0);
      expect(parse(shown.out.join('\n'))).toEqual(calendarFile([dateIn(2), dateIn(3)]));

      expect((await calendarsCli(dir, ['show', 'always-open', '-o', 'always-open.yaml'])).exitCode).toBe(0);
      const again = await calendarsCli(dir, ['show', 'always-open', '-o', 'always-open.yaml']);
      expect(again).toEqual({ exitCode: 2, out: ['error: always-open.yaml exists: choose another file'] });
      const republished = await calendarsCli(dir, ['publish', 'always-open.yaml']);
      expect(republished.out[0]).toMatch(/^always-open revision 2 \(already published: same content\)/);

      const unknown = await calendarsCli(dir, ['show', 'nowhere']);
      expect(unknown.exitCode).toBe(2);
      expect(unknown.out[0]).toMatch(/^error: 404 /);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
