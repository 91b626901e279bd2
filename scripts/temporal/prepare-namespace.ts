/**
 * Registers the case search attributes on a namespace (tolerating ones that already exist) and raises its
 * retention, through the operator and workflow services: the dev server ignores `--search-attribute` flags when
 * it reopens an existing database.
 */
import { type Connection } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { msToTs } from '@temporalio/common/lib/time';
import { ALL_CASE_SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';

/** gRPC status codes: ALREADY_EXISTS, and UNIMPLEMENTED (the time-skipping test server cannot list). */
const GRPC_ALREADY_EXISTS = 6;
const GRPC_UNIMPLEMENTED = 12;

const grpcCode = (error: unknown): number | undefined => (error as { code?: number }).code;

async function registeredNames(connection: Connection, namespace: string): Promise<Set<string>> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set(Object.keys(existing.customAttributes ?? {}));
  } catch (error) {
    if (grpcCode(error) === GRPC_UNIMPLEMENTED) return new Set();
    throw error;
  }
}

/** Adds every missing case search attribute to the namespace. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const known = await registeredNames(connection, namespace);
  const missing = ALL_CASE_SEARCH_ATTRIBUTE_KEYS.filter((key) => !known.has(key.name));
  if (missing.length === 0) return;
  const searchAttributes = Object.fromEntries(
    missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
  );
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (error) {
    if (grpcCode(error) !== GRPC_ALREADY_EXISTS) throw error;
  }
}

/** Keeps closed cases for `days` instead of the dev server's 24 hours. */
export async function setRetention(connection: Connection, namespace: string, days: number): Promise<void> {
  await connection.workflowService.updateNamespace({
    namespace,
    config: { workflowExecutionRetentionTtl: msToTs(`${days} days`) },
  });
}
