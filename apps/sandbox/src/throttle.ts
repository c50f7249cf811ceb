/**
 * A token bucket per action: `perSecond` requests a second, bursts up to the same number; 0 is
 * off. Limited to some actions (`cloudformation:CancelUpdateStack`, `ecs:DescribeServices`) it
 * lets the others through; a rate below 1 holds an action back for a long time, which is how
 * tests make one call arrive late.
 */
export class Throttle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private perSecond: number,
    private actions: readonly string[] | null = null,
  ) {}

  set(perSecond: number, actions: readonly string[] | null = null): void {
    this.perSecond = perSecond;
    this.actions = actions;
    this.buckets.clear();
  }

  /** Takes one token for `action`; false means the request is over the rate. */
  take(action: string, now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    if (this.actions && !this.actions.includes(action)) return true;
    const bucket = this.buckets.get(action) ?? { tokens: this.perSecond, at: now };
    bucket.tokens = Math.min(
      this.perSecond,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    this.buckets.set(action, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
