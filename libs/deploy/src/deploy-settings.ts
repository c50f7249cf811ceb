import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { GantryConfig } from '@gantry/config';
import type { DeploySettings } from './deploy.module';

/** Deploy settings from the validated configuration; each process gets its own worker id. */
export function deploySettings(config: GantryConfig): DeploySettings {
  return {
    queuePrefix: config.QUEUE_PREFIX,
    rateLimit: { perSecond: config.AWS_RATE_LIMIT_PER_SECOND, burst: config.AWS_RATE_LIMIT_BURST },
    unreachableSeconds: config.AWS_UNREACHABLE_SECONDS,
    runner: {
      workerId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
      leaseSeconds: config.WORKER_LEASE_SECONDS,
      pollMinMs: config.WORKER_POLL_MIN_MS,
      pollMaxMs: config.WORKER_POLL_MAX_MS,
      timeoutSeconds: config.DEPLOYMENT_TIMEOUT_SECONDS,
      maxWorkerErrors: 3,
      busyStackTimeoutSeconds: Math.min(900, config.DEPLOYMENT_TIMEOUT_SECONDS),
      sandboxUrl: config.SANDBOX_URL ?? `http://127.0.0.1:${config.SANDBOX_PORT}`,
    },
  };
}
