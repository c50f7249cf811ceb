import type { ClusterCheck, EcsGateway } from '../gateways/ecs.gateway';

/** How long an ACTIVE answer is trusted: deployments of one release to many tenants ask once. */
const ACTIVE_FOR_MS = 30_000;

/**
 * DescribeClusters before any change set: a missing or inactive cluster fails the deployment
 * with nothing changed, rather than after a change set was executed and rolled back. ACTIVE
 * answers are kept briefly per (endpoint or account, region, cluster); other answers never are,
 * so a cluster created a moment later is seen at once.
 */
export class ClusterPreflight {
  private readonly active = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Null when the cluster is ACTIVE (or cannot be asked: the change set will say why); else the reason. */
  async problem(key: string, cluster: string, ecs: EcsGateway): Promise<string | null> {
    const cacheKey = `${key}|${cluster}`;
    if ((this.active.get(cacheKey) ?? 0) > this.now()) return null;
    const check: ClusterCheck = await ecs.checkCluster(cluster);
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
}
