import type { GantryConfig } from '@gantry/config';
import type { SandboxOptions } from './sandbox-server';

/** The sandbox's settings, from the one validated configuration (SANDBOX_* variables). */
export function sandboxOptions(
  config: Pick<
    GantryConfig,
    | 'SANDBOX_PORT'
    | 'SANDBOX_HOST'
    | 'SANDBOX_TIME_SCALE'
    | 'SANDBOX_THROTTLE_RPS'
    | 'SANDBOX_STATE_FILE'
  >,
  logger: (line: string) => void,
): SandboxOptions {
  return {
    port: config.SANDBOX_PORT,
    host: config.SANDBOX_HOST,
    timeScale: config.SANDBOX_TIME_SCALE,
    throttlePerSecond: config.SANDBOX_THROTTLE_RPS,
    stateFile: config.SANDBOX_STATE_FILE,
    logger,
  };
}
