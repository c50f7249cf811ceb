import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFormation } from './cloudformation/cfn-protocol';
import { Ecs } from './ecs/ecs';
import { route } from './http/request-router';
import { Scheduler } from './scheduler';
import { SandboxState } from './state';
import { Throttle } from './throttle';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Multiplies every simulated delay (0.01 for tests). */
  timeScale?: number;
  /** Requests per second per action before ThrottlingException; 0 is off. */
  throttlePerSecond?: number;
  /** Persists the state to this file and loads it at start. */
  stateFile?: string;
  logger?: (line: string) => void;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Requests per second per action (0 is off), for every action or only those named, as `cloudformation:CancelUpdateStack`. */
  setThrottle(perSecond: number, actions?: readonly string[]): void;
}

interface World {
  state: SandboxState;
  scheduler: Scheduler;
  ecs: Ecs;
  cloudFormation: CloudFormation;
}

function newWorld(
  timeScale: number,
  log: (line: string) => void,
  state = new SandboxState(),
): World {
  const scheduler = new Scheduler(timeScale);
  const ecs = new Ecs(state, scheduler);
  return { state, scheduler, ecs, cloudFormation: new CloudFormation(state, ecs, scheduler, log) };
}

const SAVE_DELAY_MS = 1000;

/** Starts the local AWS sandbox: CloudFormation (query) and ECS (JSON 1.1) on one HTTP endpoint. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.logger ?? (() => undefined);
  const timeScale = options.timeScale ?? 1;
  const throttle = new Throttle(options.throttlePerSecond ?? 0);
  let world = newWorld(timeScale, log);
  if (options.stateFile && world.state.load(options.stateFile)) {
    world.cloudFormation.stacks.markInterrupted();
    world.ecs.resume();
    log(`sandbox: state loaded from ${options.stateFile}`);
  }
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    saveTimer = undefined;
    if (options.stateFile) world.state.save(options.stateFile);
  };
  const changed = () => {
    if (options.stateFile && !saveTimer) saveTimer = setTimeout(save, SAVE_DELAY_MS);
  };
  // Stack operations also change state between requests; save those too.
  const periodicSave = options.stateFile ? setInterval(changed, 5 * SAVE_DELAY_MS) : undefined;
  periodicSave?.unref();
  const server = createServer((req, res) => {
    const deps = {
      ...world,
      throttle,
      changed,
      reset: () => {
        world.scheduler.close();
        world = newWorld(timeScale, log);
        changed();
      },
    };
    route(deps, req, res).catch((error: unknown) => {
      log(`sandbox: request failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `http://${host}:${address.port}`;
  log(`sandbox: listening on ${url} (time scale ${timeScale})`);
  return {
    url,
    port: address.port,
    setThrottle: (perSecond, actions) => throttle.set(perSecond, actions ?? null),
    close: async () => {
      if (saveTimer) clearTimeout(saveTimer);
      if (periodicSave) clearInterval(periodicSave);
      if (options.stateFile) save();
      world.scheduler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
