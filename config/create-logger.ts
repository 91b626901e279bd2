/** The one pino logger of a process. */
import pino, { type Logger } from 'pino';
import type { Config } from './load-config';

/** Creates the process logger; pretty output (pino-pretty) only when asked for, e.g. by `npm run dev`. */
export function createLogger(config: Pick<Config, 'log'>, name: string): Logger {
  return pino({
    name,
    level: config.log.level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.token'],
      censor: '[redacted]',
    },
    ...(config.log.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: {
              colorize: true,
              singleLine: true,
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname',
            },
          },
        }
      : {}),
  });
}
