import { Observable } from 'rxjs';

export interface LogLine {
  seq: number;
  at: Date;
  level: string;
  source: string;
  message: string;
}

export interface LogSource {
  linesAfter(deploymentId: string, after: number): Promise<LogLine[]>;
  /** True once the deployment reached a final status. */
  isFinished(deploymentId: string): Promise<boolean>;
}

export interface StreamEvent {
  id?: string;
  type: string;
  data: unknown;
}

/**
 * Log lines as server-sent events: each line once, in order, then an `end` event when the
 * deployment has finished and every line has been sent.
 */
export function streamDeploymentLog(
  source: LogSource,
  deploymentId: string,
  after: number,
  pollMs: number,
): Observable<StreamEvent> {
  return new Observable<StreamEvent>((subscriber) => {
    let last = after;
    let stopped = false;
    const tick = async (): Promise<void> => {
      while (!stopped) {
        const finished = await source.isFinished(deploymentId);
        const lines = await source.linesAfter(deploymentId, last);
        for (const line of lines) {
          last = line.seq;
          subscriber.next({ id: String(line.seq), type: 'log', data: line });
        }
        if (finished && lines.length === 0) {
          // The last seq as its id: a client reconnecting after `end` resumes after the last line
          // (without one, the SSE layer numbers it from 1 and a reconnect replays the log).
          subscriber.next({ id: String(last), type: 'end', data: { deploymentId } });
          subscriber.complete();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, lines.length ? 0 : pollMs));
      }
    };
    tick().catch((error) => subscriber.error(error));
    return () => {
      stopped = true;
    };
  });
}
