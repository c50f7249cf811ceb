import type { BlueGreenStage } from '@gantry/domain';
import { ACCOUNT_ID, physicalSuffix } from '../ids';
import type {
  Deployment,
  JsonObject,
  Service,
  ServiceDeploymentRecord,
  ServiceRevisionRecord,
} from './ecs-types';
import { targetGroupsOn } from './target-groups';

const MAX_RECORDS = 50;

const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'];

function arnOf(kind: string, service: Service): string {
  const clusterName = service.clusterArn.slice(service.clusterArn.lastIndexOf('/') + 1);
  return `arn:aws:ecs:${service.region}:${ACCOUNT_ID}:${kind}/${clusterName}/${service.serviceName}/${physicalSuffix(20)}`;
}

/**
 * ECS's service deployments and service revisions: one record per deployment a change starts
 * (a circuit-breaker rollback belongs to the deployment it rolls back), following its status
 * and, for blue/green, its lifecycle stage.
 */
export const serviceDeployments = {
  /** The revision a deployment runs, registered once. */
  revision(service: Service, deployment: Deployment): string {
    if (deployment.serviceRevisionArn) return deployment.serviceRevisionArn;
    const revision: ServiceRevisionRecord = {
      serviceRevisionArn: arnOf('service-revision', service),
      serviceArn: service.serviceArn,
      clusterArn: service.clusterArn,
      taskDefinition: deployment.taskDefinition,
      createdAt: deployment.createdAt,
      loadBalancers: service.loadBalancers,
      networkConfiguration: service.networkConfiguration,
      targetGroupArns: targetGroupsOn(service, deployment.side ?? 'primary'),
    };
    service.serviceRevisions = {
      ...service.serviceRevisions,
      [revision.serviceRevisionArn]: revision,
    };
    deployment.serviceRevisionArn = revision.serviceRevisionArn;
    return revision.serviceRevisionArn;
  },

  /** A change started `deployment`: earlier deployments still in flight stop. */
  started(
    service: Service,
    deployment: Deployment,
    sources: Deployment[],
    threshold: number,
  ): void {
    const now = Date.now();
    const records = service.serviceDeployments ?? [];
    for (const record of records)
      if (IN_FLIGHT.includes(record.status)) {
        record.status = 'STOPPED';
        record.statusReason = 'A newer service deployment replaced this one.';
        record.stoppedAt = now;
        record.finishedAt = now;
        record.updatedAt = now;
      }
    const target = {
      arn: this.revision(service, deployment),
      taskDefinition: deployment.taskDefinition,
    };
    const record: ServiceDeploymentRecord = {
      serviceDeploymentArn: arnOf('service-deployment', service),
      serviceArn: service.serviceArn,
      clusterArn: service.clusterArn,
      deploymentId: deployment.id,
      createdAt: now,
      startedAt: now,
      updatedAt: now,
      sourceServiceRevisions: sources.map((source) => ({
        arn: this.revision(service, source),
        taskDefinition: source.taskDefinition,
      })),
      targetServiceRevision: target,
      status: 'IN_PROGRESS',
      lifecycleStage: deployment.blueGreen?.stage,
      deploymentConfiguration: service.deploymentConfiguration as unknown as JsonObject,
      circuitBreaker: {
        enabled: service.deploymentConfiguration.deploymentCircuitBreaker.enable,
        failureCount: 0,
        threshold,
      },
    };
    service.serviceDeployments = [record, ...records].slice(0, MAX_RECORDS);
    pruneRevisions(service);
  },

  /** The record a deployment carries out, or whose rollback it is. */
  of(service: Service, deploymentId: string): ServiceDeploymentRecord | undefined {
    return (service.serviceDeployments ?? []).find(
      (r) => r.deploymentId === deploymentId || r.rollbackDeploymentId === deploymentId,
    );
  },

  stage(service: Service, deployment: Deployment, stage: BlueGreenStage): void {
    const record = this.of(service, deployment.id);
    if (!record) return;
    record.lifecycleStage = stage;
    record.updatedAt = Date.now();
  },

  failedTask(service: Service, deployment: Deployment): void {
    const record = this.of(service, deployment.id);
    if (record?.deploymentId === deployment.id) record.circuitBreaker.failureCount++;
  },

  completed(service: Service, deployment: Deployment): void {
    const record = this.of(service, deployment.id);
    if (!record || record.deploymentId !== deployment.id || record.status !== 'IN_PROGRESS') return;
    finish(record, 'SUCCESSFUL');
  },

  /** The circuit breaker failed `failed`; the service goes back to `to` (a new deployment when rolling, blue when blue/green). */
  rollingBack(service: Service, failed: Deployment, to: Deployment, reason: string): void {
    const record = this.of(service, failed.id);
    if (!record || record.deploymentId !== failed.id) return;
    const now = Date.now();
    record.status = 'ROLLBACK_IN_PROGRESS';
    record.statusReason = reason;
    record.rollbackDeploymentId = to.id;
    record.rollback = {
      reason,
      startedAt: now,
      serviceRevisionArn: this.revision(service, to),
    };
    record.updatedAt = now;
  },

  /** The circuit breaker failed a deployment and nothing rolls it back. */
  failed(service: Service, failed: Deployment, reason: string): void {
    const record = this.of(service, failed.id);
    if (!record || record.deploymentId !== failed.id) return;
    record.statusReason = reason;
    finish(record, 'STOPPED');
    record.stoppedAt = record.finishedAt;
  },

  /** A rollback ends once its deployment is the only one, completed. */
  settleRollbacks(service: Service): void {
    const primary = service.deployments[0];
    if (!primary || primary.rolloutState !== 'COMPLETED' || service.deployments.length !== 1)
      return;
    for (const record of service.serviceDeployments ?? [])
      if (record.status === 'ROLLBACK_IN_PROGRESS' && record.rollbackDeploymentId === primary.id)
        finish(record, 'ROLLBACK_SUCCESSFUL');
  },
};

/** Revisions no kept service deployment or current deployment refers to are forgotten (bounded state). */
function pruneRevisions(service: Service): void {
  const used = new Set<string>();
  for (const d of service.deployments) if (d.serviceRevisionArn) used.add(d.serviceRevisionArn);
  for (const r of service.serviceDeployments ?? []) {
    used.add(r.targetServiceRevision.arn);
    for (const source of r.sourceServiceRevisions) used.add(source.arn);
    if (r.rollback) used.add(r.rollback.serviceRevisionArn);
  }
  service.serviceRevisions = Object.fromEntries(
    Object.entries(service.serviceRevisions ?? {}).filter(([arn]) => used.has(arn)),
  );
}

function finish(record: ServiceDeploymentRecord, status: ServiceDeploymentRecord['status']): void {
  const now = Date.now();
  record.status = status;
  record.finishedAt = now;
  record.updatedAt = now;
}
