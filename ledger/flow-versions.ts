/**
 * Flow versions published through the API (docs/flow-language.md, "Publishing a flow version"): the source as the
 * designer sent it, a digest of its content, who published it and when. A version is immutable: storing the same
 * (flow, version) again answers the stored one, whatever it says, and stores nothing.
 */
import type { FlowVersionsTable } from './ledger-tables';
import type { Ledger } from './open-ledger';

/** A published flow version as stored. */
export interface PublishedFlowVersion {
  readonly flowId: string;
  readonly version: number;
  /** sha256 of the document's content, hex (the API's `flowDigest`). */
  readonly digest: string;
  readonly format: 'yaml' | 'json';
  /** The flow's text as it was published. */
  readonly source: string;
  /** Epoch ms. */
  readonly publishedAt: number;
  readonly publishedBy: string;
}

function fromRow(row: FlowVersionsTable): PublishedFlowVersion {
  return {
    flowId: row.flow_id,
    version: Number(row.version),
    digest: row.digest,
    format: row.format === 'json' ? 'json' : 'yaml',
    source: row.source,
    publishedAt: Number(row.published_at),
    publishedBy: row.published_by,
  };
}

/** Thrown when a flow's Open311 service code is claimed by another flow: nothing is stored. */
export class Open311ServiceCodeClaimedError extends Error {
  override readonly name = 'Open311ServiceCodeClaimedError';
  constructor(
    readonly serviceCode: string,
    /** The flow that claimed it. */
    readonly claimedBy: string,
  ) {
    super(`Open311 service code '${serviceCode}' is claimed by flow '${claimedBy}'`);
  }
}

/**
 * Claims `serviceCode` for `flowId` unless another flow holds it (Open311ServiceCodeClaimedError). The primary key
 * decides between two instances claiming it at once: one insert stores, the other stores nothing and reads the
 * winner back. A flow keeps its code for its later versions.
 */
async function claimServiceCode(
  ledger: Ledger,
  serviceCode: string,
  flowId: string,
  at: number,
): Promise<void> {
  await ledger.db
    .insertInto('open311_service_codes')
    .values({ service_code: serviceCode, flow_id: flowId, claimed_at: at })
    .onConflict((conflict) => conflict.column('service_code').doNothing())
    .execute();
  const { flow_id: claimedBy } = await ledger.db
    .selectFrom('open311_service_codes')
    .select('flow_id')
    .where('service_code', '=', serviceCode)
    .executeTakeFirstOrThrow();
  if (claimedBy !== flowId) throw new Open311ServiceCodeClaimedError(serviceCode, claimedBy);
}

/**
 * Stores `publication` unless its (flow, version) is stored already; answers the stored version either way, and
 * whether this call stored it. Two instances publishing the same version at once: one stores, both read it back.
 * A flow that offers an Open311 service claims its `serviceCode` first: when another flow holds it, nothing is
 * stored (Open311ServiceCodeClaimedError).
 */
export async function publishFlowVersion(
  ledger: Ledger,
  publication: PublishedFlowVersion,
  serviceCode?: string,
): Promise<{ readonly stored: PublishedFlowVersion; readonly created: boolean }> {
  if (serviceCode !== undefined)
    await claimServiceCode(ledger, serviceCode, publication.flowId, publication.publishedAt);
  const inserted = await ledger.db
    .insertInto('flow_versions')
    .values({
      flow_id: publication.flowId,
      version: publication.version,
      digest: publication.digest,
      format: publication.format,
      source: publication.source,
      published_at: publication.publishedAt,
      published_by: publication.publishedBy,
    })
    .onConflict((conflict) => conflict.columns(['flow_id', 'version']).doNothing())
    .executeTakeFirst();
  const stored = await readFlowVersion(ledger, publication.flowId, publication.version);
  if (stored === undefined)
    throw new Error(`flow '${publication.flowId}' version ${publication.version} not stored`);
  return { stored, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/** One published version, or undefined. */
export async function readFlowVersion(
  ledger: Ledger,
  flowId: string,
  version: number,
): Promise<PublishedFlowVersion | undefined> {
  const row = await ledger.db
    .selectFrom('flow_versions')
    .selectAll()
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/**
 * How many versions are published: one small query, cheap enough before every case start. Versions are never
 * removed, so a count above the one last read means a version published since (docs/flow-language.md).
 */
export async function publishedFlowVersionCount(ledger: Ledger): Promise<number> {
  const row = await ledger.db
    .selectFrom('flow_versions')
    .select(({ fn }) => fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The (flow, version) of every published version, without their sources, in publication order. */
export async function publishedFlowVersionKeys(
  ledger: Ledger,
): Promise<{ readonly flowId: string; readonly version: number }[]> {
  const rows = await ledger.db
    .selectFrom('flow_versions')
    .select(['flow_id', 'version'])
    .orderBy('published_at')
    .orderBy('flow_id')
    .orderBy('version')
    .execute();
  return rows.map((row) => ({ flowId: row.flow_id, version: Number(row.version) }));
}
