import pino, { Logger, LoggerOptions } from 'pino';
import type { GantryConfig } from './config.schema';

/** Paths pino blanks in every line, wherever a secret could travel. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.secretAccessKey',
  '*.key',
  '*.password',
  '*.value',
];

/** JSON lines in production; human-readable lines when attached to a terminal (or LOG_FORMAT=pretty). */
export function loggerOptions(
  config: Pick<GantryConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>,
): LoggerOptions {
  const pretty =
    config.LOG_FORMAT === 'pretty' ||
    (config.LOG_FORMAT === 'auto' && process.stdout.isTTY === true);
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '********' },
    base: { service: 'gantry' },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: {
              colorize: true,
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname,service',
            },
          },
        }
      : {}),
  };
}

export function createLogger(config: Pick<GantryConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>): Logger {
  return pino(loggerOptions(config));
}
