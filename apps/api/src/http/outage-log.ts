import type { Dependency } from '@gantry/domain';

/**
 * One log line per outage of a dependency, rather than a stack trace per request: errors of the
 * same dependency less than `quietMs` apart belong to the same outage.
 */
export class OutageLog {
  private readonly lastSeen = new Map<Dependency, number>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly quietMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  report(dependency: Dependency, error: unknown): void {
    const last = this.lastSeen.get(dependency);
    this.lastSeen.set(dependency, this.now());
    if (last !== undefined && this.now() - last < this.quietMs) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.write(`${dependency} unavailable, answering 503 until it is back: ${reason}`);
  }
}
