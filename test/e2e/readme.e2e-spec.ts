import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteRedisPrefix, reserveTestDatabase } from '@gantry/testing';
import { closedPort } from '../support/closed-port';
import { ShellBlock, shellBlocks } from '../support/readme-blocks';

const ROOT = join(__dirname, '../..');
const BLOCKS = shellBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const BLOCK_TIMEOUT_MS = 240_000;

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
    for (const block of BLOCKS.filter((candidate) => candidate.mode !== 'run'))
      expect(block.note).not.toBe('');
  });

  const outputs: string[] = [];
  it.each(BLOCKS.map((block) => [`line ${block.line} (${block.mode})`, block] as const))(
    'README block at %s',
    async (_label, block: ShellBlock) => {
      if (block.mode === 'skip') return;
      if (block.mode === 'background') {
        background.push(await startServer(block.script, env));
        return;
      }
      const result = await runScript(block.script, env);
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

function runScript(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: ROOT,
      env,
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => killGroup(child), BLOCK_TIMEOUT_MS - 5_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts a long-running block (`npm start`) and resolves once its API answers /health/ready. */
async function startServer(script: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn('bash', ['-c', script], { cwd: ROOT, env, detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + BLOCK_TIMEOUT_MS - 10_000;
  while (!(await ready(`http://127.0.0.1:${env.PORT}/health/ready`))) {
    if (exited) throw new Error(`the server exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`the server did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return child;
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child);
  const forced = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(forced);
}
