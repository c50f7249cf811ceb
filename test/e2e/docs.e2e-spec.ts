import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteRedisPrefix, reserveTestDatabase } from '@gantry/testing';
import { closedPort } from '../support/closed-port';
import { BLOCK_TIMEOUT_MS, runScript, startServer, stop } from '../support/doc-shell';
import { ShellBlock, shellBlocks } from '../support/readme-blocks';

const ROOT = join(__dirname, '../..');
const DOCS = join(ROOT, 'docs');

/** Every docs/*.md with shell blocks (a new page is covered as soon as it has one). */
const PAGES = readdirSync(DOCS)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, blocks: shellBlocks(readFileSync(join(DOCS, name), 'utf8')) }))
  .filter((page) => page.blocks.length > 0);

/** The key of the README's story, which the docs' commands send (`$GANTRY_API_KEY`). */
const KEY = 'dev-admin-key-0123456789';

/** Settings a user could have in their shell, which must not leak into a fresh start. */
const INHERITED = /^(GANTRY_|PORT$|SANDBOX_|DATABASE_URL$|REDIS_URL$|QUEUE_PREFIX$|WORKER_|LOG_)/;

/**
 * Runs the shell blocks of every docs/*.md page, in the order shown and exactly as written,
 * each page on a fresh database with its own ports and queue prefix, where the README leaves a
 * reader: the server started (`npm start`, with the README's key), `GANTRY_API_KEY` exported,
 * `gantry` on the PATH and docs/examples/gantry.yaml applied. A block that cannot run offline is
 * marked `<!-- docs-test: skip, <reason> -->`; a usage synopsis is fenced ```` ```sh usage ````.
 */
describe.each(PAGES.map((page) => [page.name, page] as const))(
  'docs/%s, run as written',
  (name, page) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gantry-docs-'));
    const binDir = mkdtempSync(join(tmpdir(), 'gantry-docs-bin-'));
    const database = reserveTestDatabase(`docs-${name.replace(/\W+/g, '-')}`);
    const queuePrefix = `test-docs-${randomBytes(3).toString('hex')}`;
    const background: ChildProcess[] = [];
    let env: NodeJS.ProcessEnv;

    // A page whose blocks are all skipped or usage synopses needs no server.
    const runs = page.blocks.some((block) => block.mode === 'run' || block.mode === 'background');

    beforeAll(async () => {
      if (!runs) return;
      symlinkSync(join(ROOT, 'bin/gantry.js'), join(binDir, 'gantry'));
      const [port, sandboxPort] = [await closedPort(), await closedPort()];
      env = {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED.test(key))),
        PATH: `${binDir}:${process.env.PATH}`,
        PORT: String(port),
        SANDBOX_PORT: String(sandboxPort),
        DATABASE_URL: database.url,
        QUEUE_PREFIX: queuePrefix,
        GANTRY_DATA_DIR: dataDir,
        SANDBOX_STATE_FILE: join(dataDir, 'sandbox-state.json'),
        GANTRY_BOOTSTRAP_API_KEY: KEY,
        GANTRY_API_KEY: KEY,
        GANTRY_SERVER: `http://localhost:${port}`,
        SANDBOX_TIME_SCALE: '0.05',
        WORKER_POLL_MIN_MS: '100',
        WORKER_POLL_MAX_MS: '500',
        GANTRY_POLL_INTERVAL_MS: '200',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
        NO_COLOR: '1',
      };
      background.push(await startServer('node dist/apps/gantry/src/main.js', env, ROOT));
      const applied = await runScript('gantry apply -f docs/examples/gantry.yaml', env, ROOT);
      expect({ setup: 'apply', ...applied }).toMatchObject({ code: 0 });
    }, BLOCK_TIMEOUT_MS);

    afterAll(async () => {
      await Promise.all(background.map(stop));
      await database.drop();
      await deleteRedisPrefix('redis://127.0.0.1:6379', queuePrefix);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(binDir, { recursive: true, force: true });
    });

    it('gives every block it does not run a reason', () => {
      for (const block of page.blocks.filter((b) => b.mode === 'skip' || b.mode === 'background'))
        expect({ line: block.line, note: block.note }).not.toMatchObject({ note: '' });
    });

    it.each(page.blocks.map((block) => [`line ${block.line} (${block.mode})`, block] as const))(
      'block at %s',
      async (_label, block: ShellBlock) => {
        if (block.mode === 'skip' || block.mode === 'usage') return;
        if (block.mode === 'background') {
          background.push(await startServer(block.script, env, ROOT));
          return;
        }
        const result = await runScript(block.script, env, ROOT);
        expect({
          page: name,
          line: block.line,
          code: result.code,
          output: result.output,
        }).toMatchObject({
          code: 0,
        });
      },
      BLOCK_TIMEOUT_MS,
    );
  },
);
