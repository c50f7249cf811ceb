import type { Logger } from 'pino';
import type { RunningPart } from './parts';

export interface ShutdownOptions {
  timeoutSeconds: number;
  logger: Logger;
  exit: (code: number) => void;
}

/**
 * Stops the parts on SIGTERM or SIGINT, in order: the API stops answering, the worker stops
 * taking jobs and lets its deployments reach a safe point (another worker re-attaches them once
 * their lease lapses), then the sandbox. The process exits within `timeoutSeconds` whatever
 * hangs (Redis or PostgreSQL unreachable); a second signal exits at once.
 */
export function stopOnSignals(parts: RunningPart[], options: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn(`${signal} again: exiting now`);
      options.exit(1);
      return;
    }
    stopping = true;
    options.logger.info(`${signal}: shutting down (at most ${options.timeoutSeconds} s)`);
    void stopWithin(parts, options).then(options.exit);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Stops every part; resolves to the exit code: 0 when all stopped in time, 1 otherwise. */
export async function stopWithin(parts: RunningPart[], options: ShutdownOptions): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      options.logger.warn(
        `Shutdown did not finish within ${options.timeoutSeconds} s (SHUTDOWN_TIMEOUT_SECONDS): exiting`,
      );
      resolve(1);
    }, options.timeoutSeconds * 1000);
    // The bound must not itself keep the process alive once everything else has stopped.
    timer.unref();
  });
  const stopped = stopInOrder(parts, options.logger);
  const code = await Promise.race([stopped, deadline]);
  clearTimeout(timer);
  return code;
}

async function stopInOrder(parts: RunningPart[], logger: Logger): Promise<number> {
  let code = 0;
  for (const name of ['api', 'worker', 'sandbox'] as const) {
    const part = parts.find((candidate) => candidate.name === name);
    if (!part) continue;
    try {
      await part.stop();
      logger.info(`Stopped the ${name}`);
    } catch (error) {
      logger.error(`Stopping the ${name} failed: ${(error as Error).message}`);
      code = 1;
    }
  }
  return code;
}
