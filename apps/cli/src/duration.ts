import { UsageError } from './cli-errors';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:ms|h|m|s))+$/;
const PART = /(\d+)(ms|h|m|s)/g;

/**
 * Parses `30m`, `1h30m`, `90s`, `500ms`, or a bare number of seconds, into milliseconds.
 * Throws a UsageError for anything else, or for zero.
 */
export function parseDuration(text: string): number {
  const value = text.trim();
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else if (DURATION.test(value))
    ms = [...value.matchAll(PART)].reduce(
      (sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit],
      0,
    );
  else
    throw new UsageError(
      `invalid duration '${text}': use e.g. 30m, 1h30m, 90s or a number of seconds`,
    );
  if (ms <= 0) throw new UsageError(`invalid duration '${text}': must be more than zero`);
  return ms;
}
