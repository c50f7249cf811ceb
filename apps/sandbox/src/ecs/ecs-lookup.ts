import { arn } from '../ids';
import type { SandboxState } from '../state';
import { clientException, clusterNotFound } from './ecs-error';
import type { Cluster, Service, TaskDefinition } from './ecs-types';

/** A cluster by name or ARN (`default` when none is given); throws ClusterNotFoundException. */
export function findCluster(state: SandboxState, region: string, ref: unknown): Cluster {
  const cluster = lookupCluster(state, region, ref);
  if (!cluster || cluster.status !== 'ACTIVE') throw clusterNotFound();
  return cluster;
}

export function lookupCluster(
  state: SandboxState,
  region: string,
  ref: unknown,
): Cluster | undefined {
  const name = typeof ref === 'string' && ref !== '' ? ref : 'default';
  return state.clusters.get(name.startsWith('arn:') ? name : arn.cluster(region, name));
}

export function lookupService(
  state: SandboxState,
  cluster: Cluster,
  ref: string,
): Service | undefined {
  const key = ref.startsWith('arn:') ? ref : arn.service(cluster.region, cluster.clusterName, ref);
  const service = state.services.get(key);
  return service && service.clusterArn === cluster.clusterArn ? service : undefined;
}

/** `family`, `family:revision` or an ARN; a bare family means its latest ACTIVE revision. */
export function lookupTaskDefinition(
  state: SandboxState,
  region: string,
  ref: string,
): TaskDefinition | undefined {
  if (ref.startsWith('arn:')) return state.taskDefinitions.get(ref);
  const [family, revision] = ref.split(':');
  if (revision)
    return state.taskDefinitions.get(arn.taskDefinition(region, family, Number(revision)));
  const last = state.familyRevisions.get(`${region}/${family}`) ?? 0;
  for (let r = last; r > 0; r--) {
    const td = state.taskDefinitions.get(arn.taskDefinition(region, family, r));
    if (td?.status === 'ACTIVE') return td;
  }
  return undefined;
}

export function findTaskDefinition(
  state: SandboxState,
  region: string,
  ref: unknown,
): TaskDefinition {
  const td = typeof ref === 'string' ? lookupTaskDefinition(state, region, ref) : undefined;
  if (!td) throw clientException('Unable to describe task definition.');
  return td;
}
