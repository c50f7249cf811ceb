import { tenantMatchesTags } from '../targets/tenant-tags';

/** Every event a subscription may ask for. */
export const NOTIFICATION_EVENTS = [
  'deployment.queued',
  'deployment.started',
  'deployment.waiting-for-approval',
  'deployment.succeeded',
  'deployment.failed',
  'deployment.cancelled',
  'release.created',
  'release.blocked',
] as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

/** What a subscription's filters are matched against. */
export interface EventScope {
  event: NotificationEventName;
  projectId: string;
  /** Null for release events. */
  environmentId: string | null;
  tenantTags: readonly string[] | null;
}

/** A subscription's filters; empty lists match everything. */
export interface SubscriptionFilter {
  events: readonly string[];
  projectIds: readonly string[];
  environmentIds: readonly string[];
  tenantTags: readonly string[];
}

/**
 * Whether a subscription wants an event. The project filter applies to every event; the
 * environment and tenant-tag filters to deployment events only (a release belongs to no
 * environment); a tenant-tag filter matches tenanted deployments whose tenant carries the tags
 * (any value within a group, every group), as tenant tags do everywhere else.
 */
export function subscriptionWants(subscription: SubscriptionFilter, scope: EventScope): boolean {
  if (!subscription.events.includes(scope.event)) return false;
  if (subscription.projectIds.length && !subscription.projectIds.includes(scope.projectId))
    return false;
  if (scope.environmentId === null) return true;
  if (
    subscription.environmentIds.length &&
    !subscription.environmentIds.includes(scope.environmentId)
  )
    return false;
  if (subscription.tenantTags.length === 0) return true;
  return scope.tenantTags !== null && tenantMatchesTags(scope.tenantTags, subscription.tenantTags);
}
