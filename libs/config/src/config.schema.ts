import { z } from 'zod';

/** Where the embedded sandbox keeps its state unless SANDBOX_STATE_FILE says otherwise ('off': memory only). */
export const DEFAULT_SANDBOX_STATE_FILE = '.gantry/sandbox-state.json';

const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );

/** Every setting Gantry reads from the environment, with its default. See README "Configuration". */
export const configSchema = z.object({
  PORT: port.default(3000),
  // Loopback unless said otherwise: exposing the API is a decision (0.0.0.0 in a container).
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default(
    'postgres://postgres@127.0.0.1:5432/gantry',
  ),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  GANTRY_MASTER_KEY: z
    .string()
    .refine(
      (value) => decodeMasterKey(value) !== null,
      'must be 32 bytes as 64 hex characters or base64',
    )
    .optional(),
  GANTRY_BOOTSTRAP_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  GANTRY_ROLE: z.enum(['all', 'api', 'worker', 'sandbox']).default('all'),
  GANTRY_DATA_DIR: z.string().min(1).default('.gantry'),
  SANDBOX_PORT: port.default(4566),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_TIME_SCALE: z.coerce.number().positive().max(1000).default(1),
  SANDBOX_THROTTLE_RPS: z.coerce.number().min(0).default(0),
  // Kept across restarts by default, so stacks and clusters outlive a restart of `npm start`.
  SANDBOX_STATE_FILE: z
    .string()
    .min(1)
    .default(DEFAULT_SANDBOX_STATE_FILE)
    .transform((value) => (value === 'off' ? undefined : value)),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  DEPLOYMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86400).default(3600),
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  WORKER_POLL_MIN_MS: z.coerce.number().int().min(10).max(60000).default(2000),
  WORKER_POLL_MAX_MS: z.coerce.number().int().min(10).max(300000).default(15000),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  AWS_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(10000).default(40),
  AWS_RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10000).default(20),
  AWS_UNREACHABLE_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(25),
  SANDBOX_URL: url(['http:', 'https:']).optional(),
  /** Where people reach this Gantry: links in notifications. */
  GANTRY_PUBLIC_URL: url(['http:', 'https:']).optional(),
  NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  NOTIFICATION_RETRY_MAX_DELAY_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400_000)
    .default(3_600_000),
  NOTIFICATION_RETRY_HOURS: z.coerce.number().positive().max(168).default(24),
  NOTIFICATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
  LIVE_STREAMS_PER_KEY: z.coerce.number().int().min(1).max(100_000).default(20),
  LIVE_RESYNC_SECONDS: z.coerce.number().positive().max(3600).default(10),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(100_000).default(60),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]+$/)
    .default('gantry'),
  // Express "trust proxy": whether X-Forwarded-For names the client (login limiter, request logs).
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (value) => parseTrustProxy(value) !== null,
      'must be true, false, a number of hops, or a comma-separated list of addresses/subnets',
    )
    .transform((value) => parseTrustProxy(value) as TrustProxy),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
});

export type GantryConfig = z.infer<typeof configSchema>;

/** A 32-byte AES key from 64 hex characters or base64; null when it is neither. */
export function decodeMasterKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === 32 ? decoded : null;
}

/** The value Express's "trust proxy" setting takes: a boolean, a hop count, or addresses/subnets. */
export type TrustProxy = boolean | number | string[];

export function parseTrustProxy(value: string): TrustProxy | null {
  const trimmed = value.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(',').map((entry) => entry.trim());
  const valid = entries.every(
    (entry) =>
      ['loopback', 'linklocal', 'uniquelocal'].includes(entry) ||
      /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry),
  );
  return valid && entries.length > 0 ? entries : null;
}

/** Back-off of notification deliveries, as the queue takes it. */
export function notificationRetry(config: GantryConfig) {
  return {
    baseMs: config.NOTIFICATION_RETRY_BASE_MS,
    maxDelayMs: config.NOTIFICATION_RETRY_MAX_DELAY_MS,
    windowMs: config.NOTIFICATION_RETRY_HOURS * 3_600_000,
  };
}

/** The address people use to reach this Gantry, for links in notifications. */
export function publicUrl(config: GantryConfig): string {
  return (config.GANTRY_PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
