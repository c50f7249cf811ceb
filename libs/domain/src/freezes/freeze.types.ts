export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A window that comes back: on some weekdays between two local times (`to` at or before `from`
 * runs past midnight, `24:00` is the end of the day), or from each start of a cron expression
 * for a duration. Local times are read in the freeze's time zone.
 */
export type Recurrence =
  | { kind: 'weekly'; days: Weekday[]; from: string; to: string }
  | { kind: 'cron'; expression: string; durationMinutes: number };

/** A deployment freeze as the rules see it. Empty scope lists mean every one. */
export interface Freeze {
  id: string;
  name: string;
  reason: string;
  /** A one-off window, or the bounds of a recurring one. */
  startAt: Date | null;
  endAt: Date | null;
  recurrence: Recurrence | null;
  /** IANA time zone of the recurring window's local times. */
  timeZone: string;
  projectIds: readonly string[];
  environmentIds: readonly string[];
  tenantIds: readonly string[];
}

/** Where a deployment goes. */
export interface FreezeScope {
  projectId: string;
  environmentId: string;
  tenantId: string | null;
}

/** The freeze holding a scope at some moment, and when the scope is free again. */
export interface ActiveFreeze {
  freeze: Freeze;
  endsAt: Date;
}
