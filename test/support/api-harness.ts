import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { GantryConfig, loadConfig } from '@gantry/config';
import { bullConnection } from '@gantry/queue';
import { createTestDatabase, deleteRedisPrefix, TestDatabase } from '@gantry/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface ApiHarness {
  app: INestApplication;
  masterKey: Buffer;
  db: TestDatabase;
  config: GantryConfig;
  /** Requests with the admin key. */
  get(path: string): request.Test;
  post(path: string, body?: unknown): request.Test;
  patch(path: string, body?: unknown): request.Test;
  put(path: string, body?: unknown): request.Test;
  delete(path: string): request.Test;
  /** Requests with no key at all. */
  anonymous(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real API on a fresh, migrated database and its own queue prefix. */
export async function startApi(
  label: string,
  env: Record<string, string> = {},
  options: {
    databaseUrl?: (url: string) => string;
    /** The built console to serve (default: dist/web when built). */
    consoleDir?: string | null;
  } = {},
): Promise<ApiHarness> {
  const db = await createTestDatabase(label);
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl?.(db.url) ?? db.url,
    GANTRY_BOOTSTRAP_API_KEY: ADMIN_KEY,
    QUEUE_PREFIX: `test-${label}-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    ...env,
  });
  const masterKey = randomBytes(32);
  const app = await createApiApp(config, masterKey, { consoleDir: options.consoleDir });
  await app.init();
  const server = app.getHttpServer();
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${ADMIN_KEY}`);
  return {
    app,
    masterKey,
    db,
    config,
    get: (path) => auth(request(server).get(path)),
    post: (path, body) => auth(request(server).post(path)).send(body as object),
    patch: (path, body) => auth(request(server).patch(path)).send(body as object),
    put: (path, body) => auth(request(server).put(path)).send(body as object),
    delete: (path) => auth(request(server).delete(path)),
    anonymous: () => request(server),
    async close() {
      await app.close();
      await db.drop();
      await deleteRedisPrefix(config.REDIS_URL, config.QUEUE_PREFIX);
    },
  };
}

/** The deployments queue of this API's prefix, to look at the jobs it enqueued; close it after. */
export function deploymentsQueue(api: ApiHarness): Queue {
  return new Queue('deployments', {
    connection: bullConnection(api.config.REDIS_URL),
    prefix: api.config.QUEUE_PREFIX,
  });
}
