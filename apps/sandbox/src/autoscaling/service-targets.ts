import type { SandboxState } from '../state';

/**
 * Deleting an ECS service deregisters its scalable targets, with their scaling policies and
 * scheduled actions, as Application Auto Scaling does for a deleted resource.
 */
export function forgetServiceTargets(
  state: SandboxState,
  region: string,
  resourceId: string,
): void {
  for (const [id, target] of state.scalableTargets) {
    if (target.region !== region || target.resourceId !== resourceId) continue;
    state.scalableTargets.delete(id);
    for (const [arn, policy] of state.scalingPolicies)
      if (policy.scalableTargetId === id) state.scalingPolicies.delete(arn);
  }
}
