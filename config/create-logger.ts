/** The one pino logger of a process. */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './load-config';

/**
 * Lines are buffered up to this many bytes before one write (about ten request lines): pino's default destination
 * starts an asynchronous write for every line, which cost the API about 55 µs of CPU per line against about 20
 * buffered (docs/benchmarks.md, "Cheaper ledger writes and API requests").
 */
const LOG_BUFFER_BYTES = 4096;
/** A line waits at most this long in the buffer when few come. */
const LOG_FLUSH_MS = 1000;

/**
 * Standard output through pino's asynchronous destination with a buffer. pino writes the buffer out
 * synchronously when the process exits (`process.exit`, the end of the event loop, an uncaught exception); only a
 * process killed outright (SIGKILL, the OOM killer, a power cut) loses what was still buffered: at most the last
 * 4 KB, or the last second of lines when few come. No record of who did what is a log line (that is in each case's
 * workflow history and the ledger's events), so such a loss costs operators lines, never a case or its audit trail.
 */
function bufferedStdout(): DestinationStream {
  return pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
}

/** Creates the process logger; pretty output (pino-pretty) only when asked for, e.g. by `npm run dev`. */
export function createLogger(config: Pick<Config, 'log'>, name: string): Logger {
  const options = {
    name,
    level: config.log.level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.token'],
      censor: '[redacted]',
    },
  };
  if (!config.log.pretty) return pino(options, bufferedStdout());
  return pino({
    ...options,
    transport: {
      target: 'pino-pretty',
      options: {
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
      },
    },
  });
}
