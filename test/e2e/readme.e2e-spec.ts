import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteRedisPrefix, reserveTestDatabase } from '@gantry/testing';
import { closedPort } from '../support/closed-port';
import { ShellBlock, shellBlocks } from '../support/readme-blocks';
import { BLOCK_TIMEOUT_MS, runScript, startServer, stop } from '../support/doc-shell';

const ROOT = join(__dirname, '../..');
const BLOCKS = shellBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));

/** Settings a user could have in their shell, which must not leak into a fresh first hour. */
const INHERITED = /^(GANTRY_|PORT$|SANDBOX_|DATABASE_URL$|REDIS_URL$|QUEUE_PREFIX$|WORKER_|LOG_)/;

/**
 * Runs README.md's shell blocks in the order shown, exactly as written, against a fresh database
 * and its own ports, queue prefix and data directory — all set through the environment variables
 * the README documents, never by editing a command. `npm ci` is skipped (this checkout is
 * installed) and npm's pre-scripts are off (`npm test` built dist/ already; rebuilding it here
 * would race the other e2e specs that run it), so `npm start` and `npm run demo` run their
 * main scripts as written.
 */
describe('README.md, run as written', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gantry-readme-'));
  const database = reserveTestDatabase('readme');
  const queuePrefix = `test-readme-${randomBytes(3).toString('hex')}`;
  const background: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const [port, sandboxPort] = [await closedPort(), await closedPort()];
    env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED.test(key))),
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      DATABASE_URL: database.url,
      QUEUE_PREFIX: queuePrefix,
      GANTRY_DATA_DIR: dataDir,
      SANDBOX_STATE_FILE: join(dataDir, 'sandbox-state.json'),
      GANTRY_SERVER: `http://localhost:${port}`,
      SANDBOX_TIME_SCALE: '0.05',
      WORKER_POLL_MIN_MS: '100',
      WORKER_POLL_MAX_MS: '500',
      GANTRY_POLL_INTERVAL_MS: '200',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      npm_config_ignore_scripts: 'true',
    };
  });

  afterAll(async () => {
    await Promise.all(background.map(stop));
    await database.drop();
    await deleteRedisPrefix('redis://127.0.0.1:6379', queuePrefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks every block it does not run with a reason', () => {
    expect(BLOCKS.length).toBeGreaterThan(5);
    for (const block of BLOCKS.filter((b) => b.mode === 'skip' || b.mode === 'background'))
      expect(block.note).not.toBe('');
  });

  const outputs: string[] = [];
  it.each(BLOCKS.map((block) => [`line ${block.line} (${block.mode})`, block] as const))(
    'README block at %s',
    async (_label, block: ShellBlock) => {
      if (block.mode === 'skip' || block.mode === 'usage') return;
      if (block.mode === 'background') {
        background.push(await startServer(block.script, env, ROOT));
        return;
      }
      const result = await runScript(block.script, env, ROOT);
      outputs.push(result.output);
      expect({ line: block.line, code: result.code, output: result.output }).toMatchObject({
        code: 0,
      });
    },
    BLOCK_TIMEOUT_MS,
  );

  it('went through the whole walkthrough', () => {
    const all = outputs.join('\n');
    expect(all).toContain('"status":"ok"');
    expect(all).toMatch(/demo-shop {2}1\.0\.0 succeeded/);
    expect(all).toContain('created release 1.4.2 of shop-web');
    expect(all).toContain('[acme/prod] succeeded');
    expect(all).toContain('Description: "Gantry: project Shop Web, release 1.4.2');
    expect(all).toContain('created release 1.4.3-hotfix.1 of shop-web');
    expect(all).toMatch(/shop-web {3}1\.4\.2 succeeded/);
  });
});
