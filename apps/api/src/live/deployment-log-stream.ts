import { Observable } from 'rxjs';
import type { LiveLogLine } from '@gantry/persistence';
import type { LiveFeeds } from './live-feeds';

export type LogLine = LiveLogLine;

export interface StreamEvent {
  id?: string;
  type: string;
  data: unknown;
}

/**
 * A deployment's log as server-sent events: each line after `after` once, in order (`log`, id:
 * its seq), the deployment's status when the stream starts and whenever it changes (`status`),
 * then an `end` event when the deployment has finished and every line has been sent. Every event
 * carries the last seq sent as its id, so a client reconnecting with Last-Event-ID resumes there.
 */
export function streamDeploymentLog(
  feeds: LiveFeeds,
  deploymentId: string,
  after: number,
): Observable<StreamEvent> {
  return new Observable<StreamEvent>((subscriber) => {
    let last = after;
    return feeds.follow(deploymentId, after, {
      lines(lines) {
        for (const line of lines) {
          last = line.seq;
          subscriber.next({ id: String(line.seq), type: 'log', data: line });
        }
      },
      status(status) {
        subscriber.next({ id: String(last), type: 'status', data: { deploymentId, status } });
      },
      end() {
        subscriber.next({ id: String(last), type: 'end', data: { deploymentId } });
        subscriber.complete();
      },
      error(error) {
        subscriber.error(error);
      },
    });
  });
}
