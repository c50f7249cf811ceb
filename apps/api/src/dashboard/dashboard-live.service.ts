import { Injectable, Logger } from '@nestjs/common';
import { defer, exhaustMap, interval, map, merge, mergeMap, Observable, share, timer } from 'rxjs';
import { DashboardRepository } from '@gantry/persistence';
import { CellChange, changedCells } from './dashboard-changes';

/** How often the shared poller reads the cells while anybody watches. */
export const DASHBOARD_POLL_MS = 1000;
/** An event now and then, so proxies keep an idle stream open. */
const KEEPALIVE_MS = 25_000;

export type DashboardEvent =
  | { type: 'ready'; data: Record<string, never> }
  | { type: 'cell'; data: CellChange }
  | { type: 'ping'; data: Record<string, never> };

/**
 * The live dashboard: one read of `dashboard_cells` (kept by triggers on every deployment write;
 * the table GET /api/dashboard reads) per second for the whole process, shared by every open
 * stream, and none while nobody watches.
 */
@Injectable()
export class DashboardLiveService {
  private readonly logger = new Logger('DashboardLive');
  /** Per poll, the cells that changed since the one before (the first poll: none). */
  private readonly polls: Observable<CellChange[]>;

  constructor(dashboard: DashboardRepository) {
    this.polls = defer(() => {
      const seen = new Map<string, string>();
      let first = true;
      return timer(0, DASHBOARD_POLL_MS).pipe(
        exhaustMap(async () => {
          try {
            const changed = changedCells(seen, await dashboard.cellStates(), first);
            first = false;
            return changed;
          } catch (error) {
            // An outage skips polls: the next one that answers reports what changed meanwhile.
            this.logger.warn(`Could not read the dashboard cells: ${(error as Error).message}`);
            return [];
          }
        }),
      );
    }).pipe(share());
  }

  /**
   * `ready` once the shared poller has read the cells after this stream opened (a dashboard read
   * from then on misses nothing), then a `cell` event per change, and a `ping` now and then.
   */
  events(): Observable<DashboardEvent> {
    return merge(
      this.polls.pipe(
        mergeMap((changes, index): DashboardEvent[] => [
          ...(index === 0 ? [{ type: 'ready' as const, data: {} }] : []),
          ...changes.map((change) => ({ type: 'cell' as const, data: change })),
        ]),
      ),
      interval(KEEPALIVE_MS).pipe(map((): DashboardEvent => ({ type: 'ping', data: {} }))),
    );
  }
}
