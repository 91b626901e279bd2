/**
 * Flow versions published through the API, in the ledger on SQLite and PostgreSQL: stored once per (flow, version)
 * with who published it and when, and caught up by another API instance's catalog from a count in the ledger; an
 * Open311 service code claimed by one flow only.
 */
import pino from 'pino';
import { flowDigest, followPublishedFlows } from '../../api/cases/published-flows';
import { loadFlowCatalog } from '../../config/flow/load-flows';
import { openLedger, type Ledger } from '../../ledger';
import {
  Open311ServiceCodeClaimedError,
  publishedFlowVersionCount,
  publishFlowVersion,
  readFlowVersion,
} from '../../ledger/flow-versions';
import { serviceData } from '../helpers/case-fixtures';
import { describeEachLedger } from '../helpers/ledger-engines';
import {
  flowVersionText,
  PUBLICATION_FLOWS_DIR,
  PUBLISHED_FLOW_ID,
} from '../api/support/flow-publication-fixture';

const FLOW = PUBLISHED_FLOW_ID;

const publish = (ledger: Ledger, version: number, source: string, publishedBy: string, publishedAt: number) =>
  publishFlowVersion(ledger, {
    flowId: FLOW,
    version,
    digest: flowDigest(source, 'yaml'),
    format: 'yaml',
    source,
    publishedBy,
    publishedAt,
  });

/** An API instance's catalog: the fixture folder's files. */
async function instanceCatalog() {
  const { validation } = await serviceData();
  return { flows: await loadFlowCatalog(PUBLICATION_FLOWS_DIR, validation), validation };
}

describeEachLedger('flow versions', (ledger) => {
  it('stores a version once, with who published it and when, and answers the stored one after', async () => {
    const text = flowVersionText(2);
    const first = await publish(ledger(), 2, text, 'designer-chen', 1_000);
    expect(first.created).toBe(true);
    expect(first.stored).toEqual({
      flowId: FLOW,
      version: 2,
      digest: flowDigest(text, 'yaml'),
      format: 'yaml',
      source: text,
      publishedBy: 'designer-chen',
      publishedAt: 1_000,
    });
    const other = await publish(ledger(), 2, flowVersionText(2, 'Another title'), 'admin-li', 2_000);
    expect(other).toEqual({ created: false, stored: first.stored });
    expect(await readFlowVersion(ledger(), FLOW, 2)).toEqual(first.stored);
    expect(await readFlowVersion(ledger(), FLOW, 3)).toBeUndefined();
    expect(await publishedFlowVersionCount(ledger())).toBe(1);
  });

  it("gives another instance's catalog the versions published since, from a count of them", async () => {
    // The ledger holds version 2 from the test before.
    const { flows, validation } = await instanceCatalog();
    const follower = followPublishedFlows(ledger(), flows, validation, pino({ level: 'silent' }));
    expect(flows.get(FLOW)?.version).toBe(1);
    await follower.catchUp();
    expect(flows.get(FLOW)?.version).toBe(2);
    expect(flows.get(FLOW)?.title.en).toBe('Round the clock v2');
    expect(flows.source(FLOW, 2)?.published).toEqual({ by: 'designer-chen', at: 1_000 });

    await publish(ledger(), 3, flowVersionText(3), 'admin-li', 3_000);
    await follower.catchUp();
    expect(flows.list().map(({ version }) => version)).toEqual([1, 2, 3]);
    expect(flows.source(FLOW, 3)?.published).toEqual({ by: 'admin-li', at: 3_000 });
  });

  it('leaves out a version this instance cannot serve, and says why', async () => {
    const broken = flowVersionText(4).replace('calendar: always-open', 'calendar: moon-base');
    await publish(ledger(), 4, broken, 'designer-chen', 4_000);
    const { flows, validation } = await instanceCatalog();
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    await followPublishedFlows(ledger(), flows, validation, logger).catchUp();
    expect(flows.list().map(({ version }) => version)).toEqual([1, 2, 3]);
    expect(warnings.map((line) => JSON.parse(line) as { msg: string; version: number })).toEqual([
      expect.objectContaining({ msg: 'Published flow version is not valid here; not served', version: 4 }),
    ]);
  });

  it('lets one flow claim an Open311 service code: another flow with it stores nothing', async () => {
    // Two instances that both found the code free in their catalogs publish at once: the ledger decides.
    const version = (flowId: string, publishedAt: number) => ({
      flowId,
      version: 1,
      digest: `digest-${flowId}`,
      format: 'yaml' as const,
      source: `id: ${flowId}`,
      publishedBy: 'designer-chen',
      publishedAt,
    });
    const [first, second] = await Promise.allSettled([
      publishFlowVersion(ledger(), version('fixture.claim-a', 5_000), 'claimed-code'),
      publishFlowVersion(ledger(), version('fixture.claim-b', 5_000), 'claimed-code'),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(second).toMatchObject({
      status: 'rejected',
      reason: new Open311ServiceCodeClaimedError('claimed-code', 'fixture.claim-a'),
    });
    expect(await readFlowVersion(ledger(), 'fixture.claim-b', 1)).toBeUndefined();
    // The flow that holds the code keeps it for its next versions.
    const next = await publishFlowVersion(
      ledger(),
      { ...version('fixture.claim-a', 6_000), version: 2 },
      'claimed-code',
    );
    expect(next.created).toBe(true);
  });
});

describe('catching up with published flow versions when the ledger cannot be read', () => {
  it('keeps the versions loaded and warns', async () => {
    const closed = await openLedger({ file: ':memory:' });
    await closed.close();
    const { flows, validation } = await instanceCatalog();
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    await followPublishedFlows(closed, flows, validation, logger).catchUp();
    expect(flows.list().map(({ version }) => version)).toEqual([1]);
    expect(JSON.parse(warnings[0] ?? '{}')).toMatchObject({
      msg: 'Could not read the latest flow versions from the ledger; new cases start on those loaded',
    });
  });
});
