/**
 * Lets a few deployments at a time get ready for their first AWS call (claim, steps, render and
 * their first writes), first come first served. A worker picking up hundreds of deployments at
 * once would otherwise advance all of them a query at a time through PostgreSQL's pool and the
 * event loop, so that all get ready together, late, while the AWS rate limit idles; through the
 * gate the first change sets reach AWS at once and the others follow as fast as they are ready.
 */
export class StartGate {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(permits: number) {
    this.free = permits;
  }

  /** Waits for a turn; the function returned ends it (once, however often it is called). */
  async enter(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let inside = true;
    return () => {
      if (!inside) return;
      inside = false;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}
