import { DEFAULT_SANDBOX_STATE_FILE } from '@gantry/config';
import { startSandbox } from './sandbox-server';

/** Reads one numeric setting; a bad value exits with one line naming the variable. */
function numberSetting(
  name: string,
  fallback: number,
  valid: (n: number) => boolean,
  rule: string,
): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !valid(value)) {
    process.stderr.write(`${name} must be ${rule} (got "${raw}")\n`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const port = numberSetting(
    'SANDBOX_PORT',
    4566,
    (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
    'a port number 0-65535',
  );
  const timeScale = numberSetting('SANDBOX_TIME_SCALE', 1, (n) => n >= 0, 'a number >= 0');
  const throttle = numberSetting(
    'SANDBOX_THROTTLE_RPS',
    0,
    (n) => n >= 0,
    'a number >= 0 (0 = off)',
  );
  const stateSetting = process.env.SANDBOX_STATE_FILE || DEFAULT_SANDBOX_STATE_FILE;
  const stateFile = stateSetting === 'off' ? undefined : stateSetting;
  const sandbox = await startSandbox({
    port,
    host: process.env.SANDBOX_HOST || '127.0.0.1',
    timeScale,
    throttlePerSecond: throttle,
    stateFile,
    logger: (line) => process.stdout.write(`${line}\n`),
  });
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
