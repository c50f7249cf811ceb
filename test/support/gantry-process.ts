import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Gantry's one entry point, built: `npm test` builds dist/ before it runs the tests. */
export const GANTRY_ENTRY = join(__dirname, '../../dist/apps/gantry/src/main.js');

export function assertBuilt(): void {
  if (!existsSync(GANTRY_ENTRY))
    throw new Error(`${GANTRY_ENTRY} is missing: run npm run build (npm test does it first)`);
}

/** A Gantry process started from dist/, with everything it printed so far. */
export interface GantryProcess {
  child: ChildProcess;
  output(): string;
  /** What it printed on stderr alone (start-up failures go there). */
  errors(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** Waits until the output matches, or fails when the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
}

export function startGantry(env: Record<string, string>): GantryProcess {
  const child = spawn(process.execPath, [GANTRY_ENTRY], {
    env: {
      PATH: process.env.PATH,
      LOG_FORMAT: 'json',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    append(chunk);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    child,
    output: () => output,
    errors: () => errors,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          listeners.delete(check);
          resolve(match);
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          listeners.delete(check);
          reject(new Error(`Gantry exited (${code}) before printing ${pattern}:\n${output}`));
        });
      }),
  };
}

/** Runs Gantry until it exits on its own (a start-up failure): its exit code and output. */
export async function runGantryToExit(
  env: Record<string, string>,
): Promise<{ code: number | string; output: string; errors: string }> {
  const gantry = startGantry(env);
  const code = await gantry.exited;
  return { code, output: gantry.output(), errors: gantry.errors() };
}
