/**
 * The flow versions published through the API (docs/flow-language.md, "Publishing a flow version"), served beside
 * the files of FLOWS_DIR: loaded from the ledger at start, added on the instance that publishes, and caught up
 * before the routes that list, explain, start or migrate to a version (a publication on another instance).
 */
import type { Logger } from 'pino';
import type { FlowCatalog, FlowFile, ValidationContext } from '../../config/flow/load-flows';
import { validateFlowSource } from '../../config/flow/validate-flow';
import { readSourceDocument } from '../../config/flow/source-document';
import type { Ledger } from '../../ledger';
import {
  publishedFlowVersionCount,
  publishedFlowVersionKeys,
  readFlowVersion,
  type PublishedFlowVersion,
} from '../../ledger/flow-versions';
import { requestFingerprint } from './request-digest';
import { publicationFollower, type PublicationFollower } from './publication-follower';

/**
 * The sha256 of a flow's content: of its document as read (canonical JSON), so that the same flow written with
 * other comments, spacing, key order, or as JSON instead of YAML, has the same digest.
 */
export function flowDigest(text: string, format: 'yaml' | 'json'): string {
  return requestFingerprint(readSourceDocument(text, format).value);
}

/** Where a published version is, as a loaded file's path would say (in logs and duplicate errors). */
export function publishedFlowLocation(flowId: string, version: number): string {
  return `ledger flow_versions ${flowId}@${version}`;
}

/** A stored version as the catalog serves it, validated again here; the problems when it is not valid here. */
function flowFileOf(
  stored: PublishedFlowVersion,
  validation: ValidationContext,
): FlowFile | { readonly problems: readonly string[] } {
  const file = publishedFlowLocation(stored.flowId, stored.version);
  const result = validateFlowSource(stored.source, stored.format, validation, file);
  if (!result.valid) return { problems: result.problems.map((p) => `${p.path}: ${p.message}`) };
  return {
    flow: result.flow,
    file,
    text: stored.source,
    format: stored.format,
    published: { by: stored.publishedBy, at: stored.publishedAt },
  };
}

/**
 * Adds `stored` to `flows` unless it holds that version already. A version that this instance cannot serve (its
 * directory or calendars lack what it names, its Open311 service code is another flow's here, or a file of
 * FLOWS_DIR says something else for it) is logged and left out; cases started on it elsewhere keep running.
 */
function admit(
  flows: FlowCatalog,
  stored: PublishedFlowVersion,
  validation: ValidationContext,
  logger: Logger,
): void {
  const about = { flowId: stored.flowId, version: stored.version };
  const loaded = flows.source(stored.flowId, stored.version);
  if (loaded !== undefined) {
    if (loaded.published === undefined && flowDigest(loaded.text, loaded.format) !== stored.digest) {
      logger.warn(
        { ...about, file: loaded.file },
        'Flow file differs from the version published through the API; the file is served',
      );
    }
    return;
  }
  const file = flowFileOf(stored, validation);
  if ('problems' in file) {
    logger.warn(
      { ...about, problems: file.problems },
      'Published flow version is not valid here; not served',
    );
    return;
  }
  try {
    flows.add(file);
    logger.info(about, 'Published flow version now served');
  } catch (error) {
    logger.warn({ ...about, err: error }, 'Published flow version cannot be served beside the others');
  }
}

/**
 * The follower of the published versions: a count of the ledger's versions first (they are never removed), and
 * only when it grew, their keys and the sources of those not considered yet. Loads every published version on the
 * first catch-up (the API runs one at start). Catch-ups run one after the other, so that one that returns has
 * loaded every version counted.
 */
export function followPublishedFlows(
  ledger: Ledger,
  flows: FlowCatalog,
  validation: ValidationContext,
  logger: Logger,
): PublicationFollower {
  const considered = new Set<string>();
  const catchUp = async () => {
    if ((await publishedFlowVersionCount(ledger)) <= considered.size) return;
    for (const { flowId, version } of await publishedFlowVersionKeys(ledger)) {
      const key = `${flowId}@${version}`;
      if (considered.has(key)) continue;
      const stored = await readFlowVersion(ledger, flowId, version);
      if (stored === undefined) continue;
      admit(flows, stored, validation, logger);
      considered.add(key);
    }
  };
  let previous: Promise<void> = Promise.resolve();
  return publicationFollower('flow versions', logger, () => {
    const next = previous.then(catchUp);
    previous = next.catch(() => undefined);
    return next;
  });
}
