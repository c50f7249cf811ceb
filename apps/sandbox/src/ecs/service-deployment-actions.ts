import type { Ecs } from './ecs';
import { invalidParameter, serviceNotFound } from './ecs-error';
import { findCluster, lookupService } from './ecs-lookup';
import type { Deployment, Service, ServiceDeploymentRecord } from './ecs-types';
import { productionSide } from './target-groups';

type Input = Record<string, unknown>;

const seconds = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : ms / 1000;

function deploymentOfRevision(service: Service, revisionArn: string): Deployment | undefined {
  return service.deployments.find((d) => d.serviceRevisionArn === revisionArn);
}

/** A revision's task counts now and, under blue/green, the traffic its target groups take. */
function revisionSummary(ecs: Ecs, service: Service, revisionArn: string): Input {
  const deployment = deploymentOfRevision(service, revisionArn);
  const live = deployment
    ? ecs.state
        .serviceTasks(service.serviceArn)
        .filter((t) => t.startedBy === deployment.id && t.desiredStatus === 'RUNNING')
    : [];
  const blueGreen = service.deploymentConfiguration.strategy === 'BLUE_GREEN';
  const production = deployment !== undefined && deployment.side === productionSide(service);
  return {
    arn: revisionArn,
    requestedTaskCount: deployment?.status === 'PRIMARY' ? service.desiredCount : 0,
    runningTaskCount: live.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTaskCount: live.filter((t) => t.lastStatus !== 'RUNNING').length,
    requestedProductionTrafficWeight: blueGreen ? (production ? 100 : 0) : undefined,
    requestedTestTrafficWeight: blueGreen ? testWeight(service, deployment, production) : undefined,
  };
}

/** Test traffic follows green once its shift is done, and production otherwise. */
function testWeight(service: Service, deployment: Deployment | undefined, production: boolean) {
  const green = service.deployments[0]?.blueGreen ? service.deployments[0] : undefined;
  const shifted =
    green !== undefined &&
    ![
      'RECONCILE_SERVICE',
      'PRE_SCALE_UP',
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
    ].includes(green.blueGreen?.stage ?? '');
  if (!green || !shifted) return production ? 100 : 0;
  return deployment === green ? 100 : 0;
}

function circuitBreakerStatus(record: ServiceDeploymentRecord): string {
  if (!record.circuitBreaker.enabled) return 'DISABLED';
  if (record.rollback || record.status === 'STOPPED') return 'TRIGGERED';
  return record.finishedAt ? 'MONITORING_COMPLETE' : 'MONITORING';
}

/** What a ServiceDeployment and its ListServiceDeployments brief (ServiceDeploymentBrief) both begin with. */
function serviceDeploymentIdentity(r: ServiceDeploymentRecord): Input {
  return {
    serviceDeploymentArn: r.serviceDeploymentArn,
    serviceArn: r.serviceArn,
    clusterArn: r.clusterArn,
    createdAt: seconds(r.createdAt),
    startedAt: seconds(r.startedAt),
    finishedAt: seconds(r.finishedAt),
  };
}

function serviceDeploymentShape(ecs: Ecs, service: Service, r: ServiceDeploymentRecord): Input {
  return {
    ...serviceDeploymentIdentity(r),
    stoppedAt: seconds(r.stoppedAt),
    updatedAt: seconds(r.updatedAt),
    sourceServiceRevisions: r.sourceServiceRevisions.map((s) =>
      revisionSummary(ecs, service, s.arn),
    ),
    targetServiceRevision: revisionSummary(ecs, service, r.targetServiceRevision.arn),
    status: r.status,
    statusReason: r.statusReason,
    lifecycleStage: r.lifecycleStage,
    deploymentConfiguration: r.deploymentConfiguration,
    rollback: r.rollback && {
      reason: r.rollback.reason,
      startedAt: seconds(r.rollback.startedAt),
      serviceRevisionArn: r.rollback.serviceRevisionArn,
    },
    deploymentCircuitBreaker: {
      status: circuitBreakerStatus(r),
      failureCount: r.circuitBreaker.failureCount,
      threshold: r.circuitBreaker.threshold,
    },
  };
}

/** `ListServiceDeployments`: a service's deployments, newest first, filtered by status and creation time. */
export function listServiceDeployments(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const service = lookupService(ecs.state, cluster, String(input.service ?? ''));
  if (!service) throw serviceNotFound();
  const statuses = (input.status as string[] | undefined) ?? [];
  const createdAt = (input.createdAt ?? {}) as { before?: number; after?: number };
  const matching = (service.serviceDeployments ?? []).filter(
    (r) =>
      (statuses.length === 0 || statuses.includes(r.status)) &&
      (createdAt.after === undefined || r.createdAt >= createdAt.after * 1000) &&
      (createdAt.before === undefined || r.createdAt <= createdAt.before * 1000),
  );
  const max = Math.min(Number(input.maxResults ?? 20), 100);
  const start = input.nextToken ? Number(Buffer.from(String(input.nextToken), 'base64')) : 0;
  const slice = matching.slice(start, start + max);
  return {
    serviceDeployments: slice.map((r) => ({
      ...serviceDeploymentIdentity(r),
      targetServiceRevisionArn: r.targetServiceRevision.arn,
      status: r.status,
      statusReason: r.statusReason,
    })),
    nextToken:
      start + max < matching.length
        ? Buffer.from(String(start + max)).toString('base64')
        : undefined,
  };
}

/** `DescribeServiceDeployments`: up to 20 by ARN; an unknown one is a `MISSING` failure. */
export function describeServiceDeployments(ecs: Ecs, _region: string, input: Input): Input {
  const arns = (input.serviceDeploymentArns as string[] | undefined) ?? [];
  if (arns.length > 20) throw invalidParameter('serviceDeploymentArns can have at most 20 items.');
  const serviceDeployments: Input[] = [];
  const failures: Input[] = [];
  for (const arn of arns) {
    const found = findRecord(ecs, arn);
    if (found) serviceDeployments.push(serviceDeploymentShape(ecs, found.service, found.record));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}

function findRecord(
  ecs: Ecs,
  arn: string,
): { service: Service; record: ServiceDeploymentRecord } | undefined {
  for (const service of ecs.state.services.values()) {
    const record = service.serviceDeployments?.find((r) => r.serviceDeploymentArn === arn);
    if (record) return { service, record };
  }
  return undefined;
}

/**
 * `DescribeServiceRevisions`: what each revision runs; its resolved load balancers name the
 * target group its tasks register with and the production listener rule.
 */
export function describeServiceRevisions(ecs: Ecs, _region: string, input: Input): Input {
  const arns = (input.serviceRevisionArns as string[] | undefined) ?? [];
  if (arns.length > 20) throw invalidParameter('serviceRevisionArns can have at most 20 items.');
  const serviceRevisions: Input[] = [];
  const failures: Input[] = [];
  for (const arn of arns) {
    const service = [...ecs.state.services.values()].find((s) => s.serviceRevisions?.[arn]);
    const revision = service?.serviceRevisions?.[arn];
    if (!service || !revision) {
      failures.push({ arn, reason: 'MISSING' });
      continue;
    }
    serviceRevisions.push({
      serviceRevisionArn: revision.serviceRevisionArn,
      serviceArn: revision.serviceArn,
      clusterArn: revision.clusterArn,
      taskDefinition: revision.taskDefinition,
      launchType: service.capacityProviderStrategy ? undefined : service.launchType,
      capacityProviderStrategy: service.capacityProviderStrategy,
      loadBalancers: revision.loadBalancers,
      networkConfiguration: revision.networkConfiguration,
      createdAt: seconds(revision.createdAt),
      resolvedConfiguration: {
        loadBalancers: revision.targetGroupArns.map((targetGroupArn, index) => ({
          targetGroupArn,
          productionListenerRule: (
            revision.loadBalancers[index]?.advancedConfiguration as
              { productionListenerRule?: string } | undefined
          )?.productionListenerRule,
        })),
      },
    });
  }
  return { serviceRevisions, failures };
}
