import { DomainError } from '../errors/domain-error';
import { checkPromotion, type DeploymentKey, type Lifecycle, type TenantReach } from '../lifecycle';

interface Named {
  id: string;
  slug: string;
  name: string;
}

export interface PromotionCheck {
  lifecycle: Lifecycle;
  environmentId: string;
  tenant: TenantReach | null;
  /** Successful deployments of the release being deployed. */
  succeeded: readonly DeploymentKey[];
}

/**
 * Throws `lifecycle_forbids` when the lifecycle refuses any of the deployments: one error naming,
 * per refused tenant (or untenanted), the environments still missing, as ids and as `{id, slug}`.
 */
export function assertPromotions(
  checks: readonly PromotionCheck[],
  environments: readonly Named[],
): void {
  const environmentNames = Object.fromEntries(environments.map((e) => [e.id, e.name]));
  const refusals = checks.flatMap((check) => {
    const decision = checkPromotion({ ...check, environmentNames });
    return decision.allowed ? [] : [decision];
  });
  if (refusals.length === 0) return;
  const refs = (ids: readonly string[]) =>
    ids
      .map((id) => environments.find((e) => e.id === id))
      .filter((e): e is Named => Boolean(e))
      .map(({ id, slug }) => ({ id, slug }));
  const missingEnvironmentIds = [...new Set(refusals.flatMap((r) => r.missingEnvironmentIds))];
  const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  const message =
    refusals.length === 1
      ? `${capital(refusals[0].reason)}.`
      : `The lifecycle refuses ${refusals.length} of the requested deployments: ${refusals.map((r) => r.reason).join('; ')}.`;
  const { allowed: _allowed, reason: _reason, code, ...first } = refusals[0];
  throw new DomainError(
    'lifecycle_forbids',
    message,
    refusals.map((r) => ({ path: r.tenantId ? 'tenants' : 'environment', message: r.reason })),
    {
      ...(refusals.length === 1 ? { refusal: code, ...first } : {}),
      missingEnvironmentIds,
      missingEnvironments: refs(missingEnvironmentIds),
      refusals: refusals.map((r) => ({
        tenantId: r.tenantId,
        refusal: r.code,
        blockingPhase: r.blockingPhase,
        missingEnvironments: refs(r.missingEnvironmentIds),
      })),
    },
  );
}

/** Where a requested deployment stands already, for the redeploy guard. */
export interface StackState {
  label: string;
  /** This release is already queued or running there. */
  pending: boolean;
  /** This release is what the stack last deployed successfully. */
  current: boolean;
}

/**
 * Without `force`, deploying a release where it is already queued, running, or the current
 * successful release is refused as `invalid_state` naming every such place; `force` deploys anyway.
 * Redeploying an older release (a rollback) is never caught here: it is not the current one.
 */
export function assertNotAlreadyDeployed(states: readonly StackState[], force: boolean): void {
  if (force) return;
  const pending = states.filter((s) => s.pending).map((s) => s.label);
  const current = states.filter((s) => !s.pending && s.current).map((s) => s.label);
  if (pending.length === 0 && current.length === 0) return;
  const parts = [
    pending.length ? `already queued or running for ${pending.join(', ')}` : '',
    current.length ? `already the deployed release for ${current.join(', ')}` : '',
  ].filter(Boolean);
  throw new DomainError(
    'invalid_state',
    `This release is ${parts.join(', and ')}; send "force": true to deploy it again.`,
    [...pending, ...current].map((label) => ({
      path: 'force',
      message: `${label}: already deployed or in progress`,
    })),
    { alreadyPending: pending, alreadyDeployed: current },
  );
}
