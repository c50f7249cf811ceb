import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { decodeMasterKey, GantryConfig } from './config.schema';
import { ConfigError } from './load-config';

/**
 * The key that encrypts secrets at rest: GANTRY_MASTER_KEY, else `<data dir>/master.key`,
 * generated on first start. `warn` is told when a key is generated, since losing that file
 * makes every stored secret unreadable.
 */
export function resolveMasterKey(config: GantryConfig, warn: (message: string) => void): Buffer {
  if (config.GANTRY_MASTER_KEY) return decodeMasterKey(config.GANTRY_MASTER_KEY) as Buffer;
  const file = join(config.GANTRY_DATA_DIR, 'master.key');
  if (existsSync(file)) {
    const key = decodeMasterKey(readFileSync(file, 'utf8').trim());
    if (!key) throw new ConfigError(`Invalid configuration: ${file} does not hold a 32-byte key`);
    return key;
  }
  const key = randomBytes(32);
  mkdirSync(config.GANTRY_DATA_DIR, { recursive: true });
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  warn(
    `GANTRY_MASTER_KEY is not set: generated a key into ${file}. Back it up, or set GANTRY_MASTER_KEY; without it stored secrets cannot be read.`,
  );
  return key;
}
