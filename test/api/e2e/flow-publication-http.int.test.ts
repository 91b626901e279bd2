/**
 * Publishing a flow version through the API on one instance serves it at once on every other instance over the
 * same ledger, without a restart (docs/flow-language.md, "Publishing a flow version"); on the real dev server and a
 * real database (an SQLite file; PostgreSQL where the ledger tests run it). Two instances, each with its own flow
 * catalog as loaded from the fixture folder at its start: a version published on the first is listed, shown,
 * started (by number and as the latest) and migrated to on the second. A version is immutable (200 for the same
 * content, 409 for other content, a file's version included), an invalid flow is a 422 with every problem located,
 * and only designers and admins publish. Two flows published with one Open311 service code at the same moment on
 * the two instances: one is stored, the other is a 409.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Actor } from '../../../api/auth';
import type { LedgerEngine } from '../../../ledger';
import { createFlowsCommand } from '../../../scripts/commands/flows-command';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { ledgerEngines, stopSharedPostgres } from '../../helpers/ledger-engines';
import {
  DESIGNER,
  FLOW_FILE_TEXT,
  flowVersionText,
  PUBLICATION_FLOWS_DIR,
  PUBLISHED_FLOW_ID,
} from '../support/flow-publication-fixture';
import { bearer, expectStatus, type HttpHarness } from '../support/http-case-harness';
import { useTwoApiInstances } from '../support/two-api-instances';

const FLOW_ID = PUBLISHED_FLOW_ID;
const ADMIN: Actor = { sub: 'admin-flows', role: 'admin' };
const DEPARTMENT: Actor = { sub: 'dept-seat', role: 'department', dept: 'yuexiu-sanitation' };
const REGION = '440104001001001';

afterAll(stopSharedPostgres);

describe.each(ledgerEngines())(
  'publishing a flow version across API instances (%s ledger)',
  (engine: LedgerEngine) => {
    const instances = useTwoApiInstances(engine, PUBLICATION_FLOWS_DIR);

    async function publish(instance: HttpHarness, text: string, actor: Actor = DESIGNER) {
      return request(instance.app)
        .post('/v1/flows')
        .set('Authorization', await bearer(actor))
        .set('Content-Type', 'application/yaml')
        .send(text);
    }

    async function startOn(instance: HttpHarness, flowVersion?: number) {
      const caseId = uniqueCaseId('E2E-PUBLISHED');
      const started = await request(instance.app)
        .post('/v1/cases')
        .set('Authorization', await bearer(ADMIN))
        .send({
          caseId,
          flowId: FLOW_ID,
          ...(flowVersion === undefined ? {} : { flowVersion }),
          region: REGION,
          data: { address: '北京路 1 号' },
        });
      expectStatus(started, 201, `start on version ${flowVersion ?? 'latest'}`);
      return started.body as { caseId: string; flowVersion: number };
    }

    it('serves a version published on the first instance on the instances.second, without a restart', async () => {
      const before = await startOn(instances.second);
      expect(before.flowVersion).toBe(1);

      const published = await publish(instances.first, flowVersionText(2));
      expectStatus(published, 201, 'publish on the first instance');
      expect(published.headers['location']).toBe(`/v1/flows/${FLOW_ID}/versions/2`);
      expect(published.body).toMatchObject({
        id: FLOW_ID,
        version: 2,
        title: { en: 'Round the clock v2' },
        calendar: 'always-open',
        publishedBy: DESIGNER.sub,
      });
      expect(Date.parse(published.body.publishedAt)).not.toBeNaN();

      const listed = await request(instances.second.app)
        .get('/v1/flows')
        .set('Authorization', await bearer(DEPARTMENT));
      expectStatus(listed, 200, 'list on the second instance');
      expect(listed.body.items).toEqual([
        expect.not.objectContaining({ publishedBy: expect.anything() }),
        { ...published.body },
      ]);
      const shown = await request(instances.second.app)
        .get(`/v1/flows/${FLOW_ID}/versions/2`)
        .set('Authorization', await bearer(DEPARTMENT));
      expectStatus(shown, 200, 'show on the second instance');
      expect(shown.body).toMatchObject({
        version: 2,
        publishedBy: DESIGNER.sub,
        diagram: expect.any(String),
      });

      expect((await startOn(instances.second, 2)).flowVersion).toBe(2);
      expect((await startOn(instances.second)).flowVersion).toBe(2);

      // The case started on version 1 before the publication migrates to it, on the second instance too.
      const migrated = await request(instances.second.app)
        .post(`/v1/cases/${before.caseId}/migrate`)
        .set('Authorization', await bearer(ADMIN))
        .set('Idempotency-Key', `migrate-${before.caseId}`)
        .send({ toVersion: 2, dryRun: true });
      expectStatus(migrated, 200, 'migration preview to the published version');
    });

    it('answers the same version with the same content (200), refuses other content (409), a file too', async () => {
      // The same document, written otherwise (no comments): the same content.
      const sameContent = flowVersionText(2).replace(/^#.*\n/gm, '');
      const again = await publish(instances.second, sameContent, ADMIN);
      expectStatus(again, 200, 'publish the same version again');
      expect(again.body).toMatchObject({ version: 2, publishedBy: DESIGNER.sub });

      const other = await publish(instances.second, flowVersionText(2, 'Something else'));
      expectStatus(other, 409, 'publish other content as the same version');
      expect(other.body).toMatchObject({ type: expect.stringMatching(/flow-version-taken$/) });

      expectStatus(
        await publish(instances.first, FLOW_FILE_TEXT),
        200,
        "publish the file's own version as it is",
      );
      const file = await publish(instances.first, flowVersionText(1, 'Changed in place'));
      expectStatus(file, 409, "publish other content as the file's version");
    });

    it('refuses an invalid flow with every problem located, and anyone but designers and admins', async () => {
      const invalid = flowVersionText(5).replace('calendar: always-open', 'calendar: moon-base');
      const refused = await publish(instances.first, invalid);
      expectStatus(refused, 422, 'publish an invalid flow');
      expect(refused.body).toMatchObject({
        type: expect.stringMatching(/flow-invalid$/),
        errors: [
          {
            path: 'calendar',
            line: invalid.split('\n').findIndex((line) => line.startsWith('calendar:')) + 1,
            column: expect.any(Number),
            message: expect.stringContaining('moon-base'),
          },
        ],
      });
      expectStatus(
        await publish(instances.first, flowVersionText(6), DEPARTMENT),
        403,
        'publish as a department',
      );
      const versions = await request(instances.second.app)
        .get('/v1/flows')
        .set('Authorization', await bearer(ADMIN));
      const items = (versions.body as { items: { version: number }[] }).items;
      expect(items.map((item) => item.version)).toEqual([1, 2]);
    });

    it("offers a published version's Open311 service on the other instance", async () => {
      const services = async () => {
        const answer = await request(instances.second.app).get('/open311/v2/services.json');
        expectStatus(answer, 200, 'Open311 services on the second instance');
        return (answer.body as { service_code: string }[]).map((service) => service.service_code);
      };
      expect(await services()).not.toContain('round-the-clock');
      const open311 =
        'open311:\n  serviceCode: round-the-clock\n  group: test\n  request: { address_string: address }\n';
      expectStatus(
        await publish(instances.first, `${flowVersionText(3)}\n${open311}`),
        201,
        'publish with a service',
      );
      expect(await services()).toContain('round-the-clock');
    });

    it('stores one of two flows published with one Open311 service code at the same moment, 409 for the other', async () => {
      // Each instance checks the code against the flows it holds; published at once, neither holds the other's
      // yet: the ledger's claim on the code decides. Several codes, as one race may happen to run in turn.
      for (const round of [1, 2, 3, 4]) {
        const code = `race-${round}`;
        const flowOf = (side: string) =>
          `${flowVersionText(1).replace(`id: ${FLOW_ID}`, `id: fixture.${code}-${side}`)}\n` +
          `open311:\n  serviceCode: ${code}\n  group: test\n  request: { address_string: address }\n`;
        const answers = await Promise.all([
          publish(instances.first, flowOf('a')),
          publish(instances.second, flowOf('b')),
        ]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
        const refused = answers.find((answer) => answer.status === 409);
        const stored = answers.find((answer) => answer.status === 201);
        const winner = (stored?.body as { id: string }).id;
        expect(refused?.body).toMatchObject({
          type: expect.stringMatching(/open311-service-code-taken$/),
          detail: `Open311 service code '${code}' is offered by flow '${winner}': give this flow its own`,
        });
        const loser = winner === `fixture.${code}-a` ? `fixture.${code}-b` : `fixture.${code}-a`;
        for (const instance of [instances.first, instances.second]) {
          const flow = async (id: string) =>
            request(instance.app)
              .get(`/v1/flows/${id}`)
              .set('Authorization', await bearer(ADMIN));
          expect((await flow(winner)).status).toBe(200);
          expect((await flow(loser)).status).toBe(404);
        }
      }
    });

    it('publishes through `fullcycle flows publish`, printing the problems of a refused file', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'flows-publish-'));
      const server = instances.first.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const out: string[] = [];
      const env = { FULLCYCLE_TOKEN: (await bearer(DESIGNER)).replace('Bearer ', '') };
      const context = () => ({
        env,
        io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) },
        cwd: dir,
        now: Date.now,
      });
      /** Runs the command on a file holding `text`; its exit code and what it printed. */
      const run = async (name: string, text: string) => {
        await writeFile(path.join(dir, name), text);
        out.length = 0;
        process.exitCode = undefined;
        await createFlowsCommand(context).parseAsync(['node', 'flows', 'publish', name, '--api', api]);
        return { exit: process.exitCode, out: [...out] };
      };
      try {
        const published = await run('v4.yaml', flowVersionText(4));
        expect(published.exit).toBe(0);
        expect(published.out).toEqual([
          expect.stringMatching(
            new RegExp(
              `^${FLOW_ID} version 4 published by ${DESIGNER.sub} at \\S+ \\(calendar always-open\\)$`,
            ),
          ),
        ]);
        const again = await run('v4-again.yaml', flowVersionText(4));
        expect(again.exit).toBe(0);
        expect(again.out[0]).toMatch(/version 4 \(already published: same content\)/);

        const conflict = await run('v4-other.yaml', flowVersionText(4, 'Other'));
        expect(conflict.exit).toBe(1);
        expect(conflict.out).toEqual([
          `error: v4-other.yaml: not published: Flow '${FLOW_ID}' version 4 is already published with other content: publish it as a new version`,
        ]);

        const invalid = flowVersionText(5).replace('calendar: always-open', 'calendar: moon-base');
        const refused = await run('v5.yaml', invalid);
        expect(refused.exit).toBe(1);
        const line = invalid.split('\n').findIndex((text) => text.startsWith('calendar:')) + 1;
        expect(refused.out).toEqual([
          expect.stringMatching(new RegExp(`^v5\\.yaml:${line}:\\d+  calendar  .*moon-base`)),
          '1 problem in v5.yaml: not published.',
        ]);
      } finally {
        process.exitCode = undefined;
        await new Promise((resolve) => server.close(resolve));
        await rm(dir, { recursive: true });
      }
      const listed = await request(instances.second.app)
        .get(`/v1/flows/${FLOW_ID}`)
        .set('Authorization', await bearer(ADMIN));
      expect(listed.body).toMatchObject({ version: 4, publishedBy: DESIGNER.sub });
    });
  },
);
