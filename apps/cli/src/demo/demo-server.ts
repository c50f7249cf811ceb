import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoServer {
  /** True when this demo started the server (and so keeps it running). */
  started: boolean;
  logFile: string | null;
}

async function ready(server: string): Promise<boolean> {
  try {
    return (await fetch(`${server}/health/ready`)).ok;
  } catch {
    return false;
  }
}

/**
 * Uses the Gantry server already answering at `server`, or starts the whole platform
 * (`GANTRY_ROLE=all`) in the background with its log in `$GANTRY_DATA_DIR/demo-server.log` (`.gantry/` by default).
 */
export async function ensureServer(
  server: string,
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
): Promise<DemoServer> {
  if (await ready(server)) {
    say(`Using the Gantry server at ${server}.`);
    return { started: false, logFile: null };
  }
  const dataDir = env.GANTRY_DATA_DIR || '.gantry';
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(dataDir, 'demo-server.log');
  const log = openSync(logFile, 'a');
  say(`Starting Gantry (API, worker and AWS sandbox); server log: ${logFile}`);
  const child = spawn(process.execPath, [join(__dirname, '../../../gantry/src/main.js')], {
    env: { ...env, GANTRY_ROLE: 'all', LOG_FORMAT: 'json' },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const deadline = Date.now() + 60_000;
  while (!(await ready(server))) {
    const code = await Promise.race([
      exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 500)),
    ]);
    if (code !== null)
      throw new Error(`Gantry exited with code ${code} while starting; see ${logFile}`);
    if (Date.now() > deadline)
      throw new Error(`Gantry did not become ready within 60 s; see ${logFile}`);
  }
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { started: true, logFile };
}
