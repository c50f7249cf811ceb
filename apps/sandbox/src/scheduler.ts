/** One timer for the whole sandbox: a min-heap of due callbacks, so 10,000 tasks cost one setTimeout. */
interface Entry {
  at: number;
  seq: number;
  run: () => void;
}

export class Scheduler {
  private readonly heap: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private seq = 0;
  private closed = false;

  constructor(readonly timeScale: number) {}

  /** Runs `run` after `delayMs` of simulated time (real time × timeScale). */
  after(delayMs: number, run: () => void): void {
    if (this.closed) return;
    const at = Date.now() + Math.max(0, delayMs * this.timeScale);
    this.push({ at, seq: this.seq++, run });
    this.arm();
  }

  /** Resolves after `delayMs` of simulated time. */
  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => this.after(delayMs, resolve));
  }

  /** Simulated milliseconds expressed as real milliseconds. */
  scaled(delayMs: number): number {
    return delayMs * this.timeScale;
  }

  get pending(): number {
    return this.heap.length;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.heap.length = 0;
  }

  private arm(): void {
    const next = this.heap[0];
    if (!next || next.at >= this.armedFor) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = next.at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next.at - Date.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = Date.now();
    let ran = 0;
    while (this.heap.length > 0 && this.heap[0].at <= now && ran < 5000) {
      const entry = this.pop();
      ran++;
      try {
        entry.run();
      } catch {
        // A failing callback must not stop the clock for everything else.
      }
    }
    if (!this.closed) this.arm();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Entry;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
