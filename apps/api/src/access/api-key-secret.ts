import { createHash, randomBytes } from 'node:crypto';

/** A new API key: `gnt_` and 32 random bytes. Only its hash is stored. */
export function generateApiKey(): string {
  return `gnt_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What may be shown of a key: enough to recognise it, not to use it. */
export function keyPrefix(key: string): string {
  return key.slice(0, 8);
}
