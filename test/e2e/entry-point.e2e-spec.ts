import { createServer, Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, deleteRedisPrefix, TestDatabase } from '@gantry/testing';
import { assertBuilt, runGantryToExit, startGantry } from '../support/gantry-process';

/** The one entry point (apps/gantry) run as a user runs it: from dist/, configured by the environment. */
describe('gantry entry point', () => {
  beforeAll(assertBuilt);

  it('runs the sandbox alone with its settings from the validated configuration', async () => {
    const gantry = startGantry({
      GANTRY_ROLE: 'sandbox',
      SANDBOX_PORT: '0',
      SANDBOX_STATE_FILE: 'off',
    });
    try {
      const [, url] = await gantry.waitFor(/AWS sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const state = (await (await fetch(`${url}/_sandbox/state`)).json()) as { stacks: unknown[] };
      expect(state.stacks).toEqual([]);
      gantry.child.kill('SIGTERM');
      expect(await gantry.exited).toBe(0);
    } finally {
      gantry.child.kill('SIGKILL');
    }
  });

  describe('start-up failures: one line on stderr, exit code 1, no secret', () => {
    const oneLine = (errors: string) => {
      const lines = errors.trim().split('\n');
      expect(lines).toHaveLength(1);
      return lines[0];
    };

    it('refuses SANDBOX_TIME_SCALE=0 for the sandbox too, naming the variable', async () => {
      const { code, errors } = await runGantryToExit({
        GANTRY_ROLE: 'sandbox',
        SANDBOX_PORT: '0',
        SANDBOX_TIME_SCALE: '0',
      });
      expect(code).toBe(1);
      expect(oneLine(errors)).toMatch(/^Invalid configuration: SANDBOX_TIME_SCALE /);
    });

    it('a bad GANTRY_MASTER_KEY and DATABASE_URL are named, their secrets not printed', async () => {
      const { code, output } = await runGantryToExit({
        GANTRY_ROLE: 'sandbox',
        GANTRY_MASTER_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829',
        DATABASE_URL: 'mysql://gantry:s3cr3t-pw@db.internal/gantry',
      });
      expect(code).toBe(1);
      const line = oneLine(output);
      expect(line).toMatch(/GANTRY_MASTER_KEY must be 32 bytes/);
      expect(line).toMatch(/DATABASE_URL must be a postgres: or postgresql: URL/);
      expect(line).not.toMatch(/a1b2c3d4|s3cr3t/);
    });

    it('a port in use names the port and the setting', async () => {
      const taken = await occupyPort();
      try {
        const { code, errors } = await runGantryToExit({
          GANTRY_ROLE: 'sandbox',
          SANDBOX_PORT: String(taken.port),
          SANDBOX_STATE_FILE: 'off',
        });
        expect(code).toBe(1);
        expect(oneLine(errors)).toBe(
          `Gantry failed to start: port ${taken.port} on 127.0.0.1 is already in use; stop what uses it or set SANDBOX_PORT`,
        );
      } finally {
        taken.server.close();
      }
    });
  });

  describe('the API', () => {
    let db: TestDatabase;
    const queuePrefix = `test-entry-${process.pid}`;
    beforeAll(async () => {
      db = await createTestDatabase('entry_point');
    });
    afterAll(async () => {
      await db.drop();
      await deleteRedisPrefix('redis://127.0.0.1:6379', queuePrefix);
    });

    const api = (env: Record<string, string>) =>
      startGantry({
        GANTRY_ROLE: 'api',
        DATABASE_URL: db.url,
        QUEUE_PREFIX: queuePrefix,
        GANTRY_MASTER_KEY: '00'.repeat(32),
        LOG_LEVEL: 'warn',
        ...env,
      });

    it('listens on 127.0.0.1 unless HOST says otherwise', async () => {
      const gantry = api({ PORT: '0', LOG_LEVEL: 'info' });
      try {
        const [, address, port] = await gantry.waitFor(/API listening on http:\/\/([^:]+):(\d+)/);
        expect(address).toBe('127.0.0.1');
        expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      } finally {
        gantry.child.kill('SIGKILL');
      }
      const everywhere = api({ PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'info' });
      try {
        const [, address] = await everywhere.waitFor(/API listening on http:\/\/([^:]+):(\d+)/);
        expect(address).toBe('0.0.0.0');
      } finally {
        everywhere.child.kill('SIGKILL');
      }
    }, 180_000);

    it('a port in use names the port and PORT, in one line', async () => {
      const taken = await occupyPort();
      try {
        const gantry = api({ PORT: String(taken.port) });
        expect(await gantry.exited).toBe(1);
        expect(gantry.errors().trim()).toBe(
          `Gantry failed to start: port ${taken.port} on 127.0.0.1 is already in use; stop what uses it or set PORT`,
        );
      } finally {
        taken.server.close();
      }
    }, 120_000);
  });
});

async function occupyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
