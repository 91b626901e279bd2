/**
 * Registers the case search attributes on a namespace (tolerating ones that already exist) and raises its
 * retention, through the operator and workflow services: the dev server ignores `--search-attribute` flags when
 * it reopens an existing database.
 */
import { type Connection } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { msToTs } from '@temporalio/common/lib/time';
import { ALL_CASE_SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';

/** gRPC status code ALREADY_EXISTS. */
const GRPC_ALREADY_EXISTS = 6;

function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: number }).code === GRPC_ALREADY_EXISTS;
}

/** Adds every missing case search attribute to the namespace. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = ALL_CASE_SEARCH_ATTRIBUTE_KEYS.filter((key) => !known.has(key.name));
  if (missing.length === 0) return;
  const searchAttributes = Object.fromEntries(
    missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
  );
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

/** Keeps closed cases for `days` instead of the dev server's 24 hours. */
export async function setRetention(connection: Connection, namespace: string, days: number): Promise<void> {
  await connection.workflowService.updateNamespace({
    namespace,
    config: { workflowExecutionRetentionTtl: msToTs(`${days} days`) },
  });
}
