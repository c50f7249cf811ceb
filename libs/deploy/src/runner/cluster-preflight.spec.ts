import type { ClusterCheck, EcsGateway } from '../gateways/ecs.gateway';
import { ClusterPreflight } from './cluster-preflight';

/** A gateway answering these checks in turn, counting the calls. */
function answering(...checks: ClusterCheck[]) {
  const gateway = { calls: 0, checkCluster: async () => checks[gateway.calls++] };
  return gateway as unknown as EcsGateway & { calls: number };
}

const active: ClusterCheck = { reachable: true, status: 'ACTIVE', detail: 'cluster is ACTIVE' };
const missing: ClusterCheck = {
  reachable: true,
  status: null,
  detail: "cluster 'apps' was not found (MISSING)",
};

describe('ClusterPreflight', () => {
  it('keeps an ACTIVE answer for 30 s, then asks again', async () => {
    let now = 0;
    const preflight = new ClusterPreflight(() => now);
    const ecs = answering(active, active);
    expect(await preflight.problem('k', 'apps', ecs)).toBeNull();
    now = 29_000;
    expect(await preflight.problem('k', 'apps', ecs)).toBeNull();
    expect(ecs.calls).toBe(1);
    now = 31_000;
    await preflight.problem('k', 'apps', ecs);
    expect(ecs.calls).toBe(2);
  });

  it('never keeps a missing cluster, so one created a moment later is seen at once', async () => {
    const preflight = new ClusterPreflight(() => 0);
    const ecs = answering(missing, active);
    expect(await preflight.problem('k', 'apps', ecs)).toBe(
      "ECS cluster 'apps' was not found (MISSING): nothing was changed. Create the cluster or correct the target's cluster.",
    );
    expect(await preflight.problem('k', 'apps', ecs)).toBeNull();
  });

  it('asks once for deployments that check the same cluster while a check is in flight', async () => {
    let answer: (check: ClusterCheck) => void = () => undefined;
    const ecs = {
      calls: 0,
      checkCluster: () => {
        ecs.calls += 1;
        return new Promise<ClusterCheck>((resolve) => (answer = resolve));
      },
    };
    const preflight = new ClusterPreflight(() => 0);
    const checks = Array.from({ length: 50 }, () =>
      preflight.problem('k', 'apps', ecs as unknown as EcsGateway),
    );
    answer(missing);
    expect(new Set(await Promise.all(checks)).size).toBe(1);
    expect(ecs.calls).toBe(1);
    // The next check, after that answer, asks again (a missing cluster is never kept).
    const again = preflight.problem('k', 'apps', ecs as unknown as EcsGateway);
    answer(active);
    expect(await again).toBeNull();
    expect(ecs.calls).toBe(2);
  });

  it('leaves an unreachable endpoint to the change set, which says why', async () => {
    const ecs = answering({ reachable: false, status: null, detail: 'ECONNREFUSED' });
    expect(await new ClusterPreflight().problem('k', 'apps', ecs)).toBeNull();
  });
});
