import type { ClusterCheck, EcsGateway } from '../gateways/ecs.gateway';

/** How long an ACTIVE answer is trusted: deployments of one release to many tenants ask once. */
const ACTIVE_FOR_MS = 30_000;

/**
 * DescribeClusters before any change set: a missing or inactive cluster fails the deployment
 * with nothing changed, rather than after a change set was executed and rolled back. ACTIVE
 * answers are kept briefly per (endpoint or account, region, cluster); other answers never are,
 * so a cluster created a moment later is seen at once. Deployments checking a cluster while its
 * check is in flight share that call's answer (a fan-out starting asks once, not once each).
 */
export class ClusterPreflight {
  private readonly active = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<ClusterCheck>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Null when the cluster is ACTIVE (or cannot be asked: the change set will say why); else the reason. */
  async problem(key: string, cluster: string, ecs: EcsGateway): Promise<string | null> {
    const cacheKey = `${key}|${cluster}`;
    if ((this.active.get(cacheKey) ?? 0) > this.now()) return null;
    const check = await this.check(cacheKey, cluster, ecs);
    if (!check.reachable) return null;
    if (check.status === 'ACTIVE') {
      this.active.set(cacheKey, this.now() + ACTIVE_FOR_MS);
      return null;
    }
    const state = check.status
      ? `ECS cluster '${cluster}' is ${check.status}`
      : `ECS ${check.detail}`;
    return `${state}: nothing was changed. Create the cluster or correct the target's cluster.`;
  }

  private check(cacheKey: string, cluster: string, ecs: EcsGateway): Promise<ClusterCheck> {
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    const asked = ecs.checkCluster(cluster).finally(() => this.inFlight.delete(cacheKey));
    this.inFlight.set(cacheKey, asked);
    return asked;
  }
}
