import { createHash, createHmac, randomBytes } from 'node:crypto';

const GENERATED_PREFIX = 'gnt_';

/** A new API key: `gnt_` and 32 random bytes. Only its hash is stored. */
export function generateApiKey(): string {
  return `${GENERATED_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored of a key: HMAC-SHA256 under the master key, so a copy of the database alone
 * cannot be used to test guesses of an operator-chosen key.
 */
export function hashApiKey(key: string, masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update(key, 'utf8').digest('hex');
}

/** How versions before keyed hashes stored a key; such rows are rehashed when next used. */
export function legacyHashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * What may be shown of a key: the first 8 characters of a generated key (`gnt_` and 4 random
 * ones), enough to recognise it; nothing of an operator-chosen key, whose start may be guessable.
 */
export function keyPrefix(key: string): string {
  return key.startsWith(GENERATED_PREFIX) ? key.slice(0, 8) : '';
}
