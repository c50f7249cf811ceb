import { CronExpressionParser } from 'cron-parser';
import type { FieldError } from '../errors/domain-error';
import type { ActiveFreeze, Freeze, FreezeScope, Recurrence } from './freeze.types';

const MINUTE = 60_000;
/**
 * Bounds on following back-to-back windows and overlapping freezes: enough for a week of
 * consecutive days, and a freeze evaluation stays cheap whatever an admin wrote.
 */
const MAX_CHAIN = 8;
/** Freezes that follow each other are followed this many times. */
const MAX_OVERLAPS = 4;
const MAX_HORIZON_MS = 366 * 24 * 60 * MINUTE;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Whether the freeze applies to the scope: each non-empty list must contain the scope's member. */
export function freezeCovers(freeze: Freeze, scope: FreezeScope): boolean {
  const within = (list: readonly string[], id: string | null) =>
    list.length === 0 || (id !== null && list.includes(id));
  return (
    within(freeze.projectIds, scope.projectId) &&
    within(freeze.environmentIds, scope.environmentId) &&
    within(freeze.tenantIds, scope.tenantId)
  );
}

/**
 * When the freeze's window that contains `at` ends, or null when `at` is outside every window.
 * Back-to-back occurrences (Saturday then Sunday) count as one window.
 */
export function freezeWindowEnd(freeze: Freeze, at: Date): Date | null {
  if (freeze.startAt && at < freeze.startAt) return null;
  if (freeze.endAt && at >= freeze.endAt) return null;
  if (!freeze.recurrence) return freeze.endAt;
  const end = recurringWindowEnd(freeze.recurrence, freeze.timeZone, at);
  if (!end) return null;
  return freeze.endAt && freeze.endAt < end ? freeze.endAt : end;
}

/**
 * The freeze holding the scope at `at`, with the moment the scope is free again: when freezes
 * overlap or follow each other, the scope stays frozen until the last of them ends, and that
 * last freeze is the one named.
 */
export function activeFreeze(
  freezes: readonly Freeze[],
  scope: FreezeScope,
  at: Date,
): ActiveFreeze | null {
  const covering = freezes.filter((freeze) => freezeCovers(freeze, scope));
  let found: ActiveFreeze | null = null;
  let moment = at;
  for (let step = 0; step < MAX_OVERLAPS; step += 1) {
    const next = latestEnding(covering, moment);
    if (!next) return found;
    found = next;
    moment = next.endsAt;
  }
  return found;
}

/** Every problem of a recurrence and time zone, as field errors under `path`. */
export function recurrenceProblems(
  recurrence: Recurrence | null,
  timeZone: string,
  path = 'recurrence',
): FieldError[] {
  const problems: FieldError[] = [];
  if (!isTimeZone(timeZone))
    problems.push({ path: 'timeZone', message: `'${timeZone}' is not an IANA time zone` });
  if (!recurrence) return problems;
  if (recurrence.kind === 'weekly') {
    if (!LOCAL_TIME.test(recurrence.from))
      problems.push({ path: `${path}.from`, message: 'must be a time HH:MM' });
    if (!LOCAL_TIME.test(recurrence.to))
      problems.push({ path: `${path}.to`, message: 'must be a time HH:MM, or 24:00' });
    return problems;
  }
  try {
    CronExpressionParser.parse(recurrence.expression, { tz: 'UTC' });
    if (recurrence.expression.trim().split(/\s+/).length !== 5)
      problems.push({
        path: `${path}.expression`,
        message: 'must have five fields: minute hour day-of-month month day-of-week',
      });
  } catch (error) {
    problems.push({ path: `${path}.expression`, message: (error as Error).message });
  }
  return problems;
}

function latestEnding(freezes: readonly Freeze[], at: Date): ActiveFreeze | null {
  let best: ActiveFreeze | null = null;
  for (const freeze of freezes) {
    const endsAt = freezeWindowEnd(freeze, at);
    if (endsAt && (!best || endsAt > best.endsAt)) best = { freeze, endsAt };
  }
  return best;
}

function recurringWindowEnd(recurrence: Recurrence, timeZone: string, at: Date): Date | null {
  const { expression, durationMs } = asCron(recurrence);
  const latestStartUpTo = (moment: Date) =>
    CronExpressionParser.parse(expression, {
      currentDate: new Date(moment.getTime() + 1),
      tz: timeZone,
    })
      .prev()
      .toDate();
  // The latest start at or before `at`; an earlier occurrence cannot outlast it (same duration).
  let end = new Date(latestStartUpTo(at).getTime() + durationMs);
  if (at >= end) return null;
  // Occurrences starting before the window ends extend it: jump to the latest such start each
  // time, a bounded number of times (an "every minute" freeze is reported a while ahead, not forever).
  for (let step = 0; step < MAX_CHAIN && end.getTime() - at.getTime() < MAX_HORIZON_MS; step += 1) {
    const extended = new Date(latestStartUpTo(end).getTime() + durationMs);
    if (extended <= end) break;
    end = extended;
  }
  return end;
}

/** A weekly window is a cron start on its days at `from`, lasting until `to`. */
function asCron(recurrence: Recurrence): { expression: string; durationMs: number } {
  if (recurrence.kind === 'cron')
    return { expression: recurrence.expression, durationMs: recurrence.durationMinutes * MINUTE };
  const from = minutesOf(recurrence.from);
  const to = minutesOf(recurrence.to);
  const length = to > from ? to - from : to + 24 * 60 - from;
  return {
    expression: `${from % 60} ${Math.floor(from / 60)} * * ${recurrence.days.join(',')}`,
    durationMs: length * MINUTE,
  };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
