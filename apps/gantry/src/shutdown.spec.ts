import pino from 'pino';
import type { RunningPart } from './parts';
import { stopOnSignals, stopWithin } from './shutdown';

const logger = pino({ level: 'silent' });
const never = () => new Promise<void>(() => undefined);

describe('shutdown', () => {
  afterEach(() => {
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
  });

  it('stops the API, then the worker, then the sandbox, and exits 0', async () => {
    const stopped: string[] = [];
    const part = (name: RunningPart['name']): RunningPart => ({
      name,
      stop: async () => void stopped.push(name),
    });
    const code = await stopWithin([part('sandbox'), part('worker'), part('api')], {
      timeoutSeconds: 60,
      logger,
      exit: () => undefined,
    });
    expect({ code, stopped }).toEqual({ code: 0, stopped: ['api', 'worker', 'sandbox'] });
  });

  it('gives up on a part that never stops (Redis away) when the time is up, with exit code 1', async () => {
    const code = await stopWithin([{ name: 'worker', stop: never }], {
      timeoutSeconds: 1,
      logger,
      exit: () => undefined,
    });
    expect(code).toBe(1);
  });

  it('a second signal exits at once, while the first is still stopping', async () => {
    const exits: number[] = [];
    stopOnSignals([{ name: 'worker', stop: never }], {
      timeoutSeconds: 3600,
      logger,
      exit: (code) => void exits.push(code),
    });
    process.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([]);
    process.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([1]);
  });
});
