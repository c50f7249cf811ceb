import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Failed authentications, counted in Redis so every API replica shares them, in fixed windows.
 * Two counters per failure: one for (client address, presented key's prefix), tight — the same
 * key failing again and again is someone guessing it —, and one for the address alone, loose —
 * a flood of different keys. Successes are never counted, and a valid key from a busy address is
 * refused only once that address sent `perAddress` bad keys within the window.
 */
const RETRY_AFTER_MS = `
local wait = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[i]) then wait = math.max(wait, redis.call('PTTL', key)) end
end
return wait
`;

const RECORD = `
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0
`;

export interface AuthFailureAllowance {
  perKey: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_ALLOWANCE: AuthFailureAllowance = {
  perKey: 10,
  perAddress: 100,
  windowMs: 60_000,
};

/** How long a Redis call may take before the limiter lets the request through (fails open). */
const REDIS_TIMEOUT_MS = 1000;

export class AuthFailureLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly allowance: AuthFailureAllowance = DEFAULT_ALLOWANCE,
  ) {}

  /** Seconds to wait before this credential may be tried again from this address; 0: now. */
  async retryAfterSeconds(address: string, credential: string): Promise<number> {
    const { perKey, perAddress } = this.allowance;
    const waitMs = Number(
      await withTimeout(
        this.redis.eval(RETRY_AFTER_MS, 2, ...this.keys(address, credential), perKey, perAddress),
      ),
    );
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  async recordFailure(address: string, credential: string): Promise<void> {
    await withTimeout(
      this.redis.eval(RECORD, 2, ...this.keys(address, credential), this.allowance.windowMs),
    );
  }

  private keys(address: string, credential: string): [string, string] {
    // Only a digest of the key's first 8 characters: enough to tell keys apart, never stored whole.
    const keyId = createHash('sha256').update(credential.slice(0, 8)).digest('hex').slice(0, 16);
    const base = `${this.prefix}:auth-failures:${address}`;
    return [`${base}:${keyId}`, base];
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`Redis gave no answer within ${REDIS_TIMEOUT_MS} ms`)),
        REDIS_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}
