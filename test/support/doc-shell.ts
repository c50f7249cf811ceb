import { ChildProcess, spawn } from 'node:child_process';

/** How long one documented block may take (a walkthrough step deploys, and waits). */
export const BLOCK_TIMEOUT_MS = 240_000;

/** Runs a documented shell block with bash -e -o pipefail; its exit code and all it printed. */
export function runScript(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd,
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
export async function startServer(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<ChildProcess> {
  const child = spawn('bash', ['-c', script], { cwd, env, detached: true });
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

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child);
  const forced = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(forced);
}
