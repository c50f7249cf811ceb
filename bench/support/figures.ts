import type { BenchApi } from './bench-api';

/** p50/p95 in ms and the size of the last response in bytes. */
export interface Figures {
  p50: number;
  p95: number;
  bytes: number;
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** Figures of timings already taken. */
export function figuresOf(timings: number[], bytes: number): Figures {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), bytes };
}

const WARM_UP_REQUESTS = 3;

/** `count` GET requests from `viewers` concurrent clients. */
export async function measure(
  api: BenchApi,
  path: string,
  count: number,
  viewers = 1,
): Promise<Figures> {
  const timings: number[] = [];
  let last: unknown;
  let next = 0;
  // A few unmeasured requests first: the figures are of a running API, not of its first queries.
  for (let warmUp = 0; warmUp < WARM_UP_REQUESTS; warmUp += 1) await api.call('GET', path);
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      while (next < count) {
        next += 1;
        const { body, ms } = await api.call('GET', path);
        timings.push(ms);
        last = body;
      }
    }),
  );
  // Sized once, after timing: serialising every answer again would load the process being measured.
  return figuresOf(timings, JSON.stringify(last).length);
}

export const line = (label: string, figures: Figures) =>
  console.log(
    `  ${label.padEnd(58)} p50 ${figures.p50.toFixed(1).padStart(7)} ms  p95 ${figures.p95.toFixed(1).padStart(7)} ms  ${(figures.bytes / 1024).toFixed(1).padStart(7)} KB`,
  );
