import { arn } from '../ids';
import type { Ecs } from './ecs';
import { EcsError, invalidParameter } from './ecs-error';
import { lookupCluster } from './ecs-lookup';
import { clusterShape } from './ecs-shapes';
import type { Cluster } from './ecs-types';

type Input = Record<string, unknown>;

/** Creates a cluster, or returns the existing ACTIVE one with that name, as ECS does. */
export function createCluster(ecs: Ecs, region: string, input: Input): Input {
  const name =
    typeof input.clusterName === 'string' && input.clusterName ? input.clusterName : 'default';
  if (!/^[a-zA-Z0-9_-]{1,255}$/.test(name)) {
    throw invalidParameter(
      'Cluster name can only contain letters, numbers, hyphens and underscores, up to 255 characters.',
    );
  }
  const existing = lookupCluster(ecs.state, region, name);
  if (existing?.status === 'ACTIVE') return { cluster: clusterShape(ecs.state, existing) };
  const cluster: Cluster = {
    clusterArn: arn.cluster(region, name),
    clusterName: name,
    region,
    status: 'ACTIVE',
    tags: (input.tags as Cluster['tags']) ?? [],
    settings: (input.settings as Cluster['settings']) ?? [
      { name: 'containerInsights', value: 'disabled' },
    ],
  };
  ecs.state.clusters.set(cluster.clusterArn, cluster);
  return { cluster: clusterShape(ecs.state, cluster) };
}

export function describeClusters(ecs: Ecs, region: string, input: Input): Input {
  const refs = (input.clusters as string[] | undefined)?.length
    ? (input.clusters as string[])
    : ['default'];
  const clusters: Input[] = [];
  const failures: Input[] = [];
  for (const ref of refs) {
    const c = lookupCluster(ecs.state, region, ref);
    if (c) clusters.push(clusterShape(ecs.state, c));
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : arn.cluster(region, ref),
        reason: 'MISSING',
      });
  }
  return { clusters, failures };
}

export function listClusters(ecs: Ecs, region: string): Input {
  const clusterArns = [...ecs.state.clusters.values()]
    .filter((c) => c.region === region && c.status === 'ACTIVE')
    .map((c) => c.clusterArn);
  return { clusterArns };
}

export function deleteCluster(ecs: Ecs, region: string, input: Input): Input {
  const cluster = lookupCluster(ecs.state, region, input.cluster);
  if (!cluster || cluster.status !== 'ACTIVE')
    throw new EcsError('ClusterNotFoundException', 'Cluster not found.');
  for (const s of ecs.state.services.values()) {
    if (s.clusterArn === cluster.clusterArn && s.status !== 'INACTIVE') {
      throw new EcsError(
        'ClusterContainsServicesException',
        'The Cluster cannot be deleted while Services are active.',
      );
    }
  }
  for (const t of ecs.state.tasks.values()) {
    if (t.clusterArn === cluster.clusterArn && t.desiredStatus === 'RUNNING') {
      throw new EcsError(
        'ClusterContainsTasksException',
        'The Cluster cannot be deleted while Tasks are active.',
      );
    }
  }
  cluster.status = 'INACTIVE';
  return { cluster: clusterShape(ecs.state, cluster) };
}
