import pino from 'pino';
import type { Logger } from 'pino';

/** A pino logger writing JSON lines into memory, so tests can assert on what was (not) logged. */
export function createTestLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (chunk: string) => void chunks.push(chunk) });
  return { logger, lines: () => chunks.map((chunk) => JSON.parse(chunk) as Record<string, unknown>) };
}
