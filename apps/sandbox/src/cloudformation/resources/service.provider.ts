import { lookupCluster } from '../../ecs/ecs-lookup';
import type { Service } from '../../ecs/ecs-types';
import { generatedName, uuid } from '../../ids';
import { TIMINGS } from '../../timings';
import type { ResourceRecord } from '../cfn-types';
import {
  ecsCall,
  ResourceFailure,
  toEcsShape,
  type Props,
  type ProviderContext,
  type ResourceProvider,
} from './provider';

const CIRCUIT_BREAKER_FAILURE =
  `Resource handler returned message: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'." ` +
  '(RequestToken: %s, HandlerErrorCode: GeneralServiceException)';

/**
 * The ECS request for the template's properties. Without `DesiredCount` a new service starts 1
 * task and an update leaves the count alone, as the resource handler does (so auto-scaling keeps
 * what it scaled to).
 */
function serviceInput(props: Props, creating: boolean): Props {
  return {
    taskDefinition: props.TaskDefinition,
    desiredCount:
      props.DesiredCount === undefined ? (creating ? 1 : undefined) : Number(props.DesiredCount),
    launchType: props.LaunchType,
    capacityProviderStrategy:
      props.CapacityProviderStrategy === undefined
        ? creating
          ? undefined
          : []
        : toEcsShape(props.CapacityProviderStrategy),
    platformVersion: props.PlatformVersion,
    deploymentConfiguration: toEcsShape(props.DeploymentConfiguration),
    networkConfiguration: toEcsShape(props.NetworkConfiguration),
    loadBalancers: toEcsShape(props.LoadBalancers ?? []),
    serviceRegistries: toEcsShape(props.ServiceRegistries ?? []),
    serviceConnectConfiguration:
      props.ServiceConnectConfiguration === undefined
        ? creating
          ? undefined
          : { enabled: false }
        : toEcsShape(props.ServiceConnectConfiguration),
    healthCheckGracePeriodSeconds:
      props.HealthCheckGracePeriodSeconds === undefined
        ? undefined
        : Number(props.HealthCheckGracePeriodSeconds),
    enableExecuteCommand:
      props.EnableExecuteCommand === true || props.EnableExecuteCommand === 'true',
    propagateTags: props.PropagateTags,
  };
}

/** Waits, as the resource handler does, until the service is steady or its deployment failed. */
async function waitForSteady(
  ctx: ProviderContext,
  serviceArn: string,
  deploymentId: string,
): Promise<void> {
  const deadline = Date.now() + ctx.scheduler.scaled(TIMINGS.serviceStabilizationTimeout);
  for (;;) {
    await ctx.sleep(TIMINGS.stabilizationPoll);
    const service = ctx.state.services.get(serviceArn);
    if (!service || service.status !== 'ACTIVE')
      throw new ResourceFailure(`Service ${serviceArn} did not stabilize: it is no longer ACTIVE.`);
    const watched = service.deployments.find((d) => d.id === deploymentId);
    const primary = service.deployments[0];
    if (watched?.rolloutState === 'FAILED' || primary.rollbackOf === deploymentId || !watched) {
      throw new ResourceFailure(CIRCUIT_BREAKER_FAILURE.replace('%s', uuid()));
    }
    const steady =
      service.deployments.length === 1 && primary.runningCount === service.desiredCount;
    if (watched === primary && primary.rolloutState === 'COMPLETED' && steady) return;
    if (Date.now() > deadline) {
      throw new ResourceFailure(
        `Resource handler returned message: "Exceeded attempts to wait" (RequestToken: ${uuid()}, HandlerErrorCode: NotStabilized)`,
      );
    }
  }
}

function attributes(service: { serviceArn: string; serviceName: string }): Record<string, string> {
  return { ServiceArn: service.serviceArn, Name: service.serviceName };
}

/** Tags follow the template on update, as the resource handler does with Untag/TagResource. */
function retag(ctx: ProviderContext, serviceArn: string, templateTags: unknown): void {
  const wanted = (toEcsShape(templateTags ?? []) as { key: string; value: string }[]) ?? [];
  const current = (ecsCall(ctx, 'ListTagsForResource', { resourceArn: serviceArn }).tags ?? []) as {
    key: string;
  }[];
  const stale = current.map((tag) => tag.key).filter((key) => !wanted.some((t) => t.key === key));
  if (stale.length) ecsCall(ctx, 'UntagResource', { resourceArn: serviceArn, tagKeys: stale });
  if (wanted.length) ecsCall(ctx, 'TagResource', { resourceArn: serviceArn, tags: wanted });
}

export const serviceProvider: ResourceProvider = {
  replacedBy: ['Cluster', 'ServiceName', 'Role', 'SchedulingStrategy', 'LaunchType'],
  customName: 'ServiceName',
  attributes: ['Name', 'ServiceArn'],
  async create(ctx, props) {
    const name =
      (props.ServiceName as string | undefined) ?? generatedName(ctx.stackName, ctx.logicalId, 255);
    const out = ecsCall(ctx, 'CreateService', {
      ...serviceInput(props, true),
      cluster: props.Cluster,
      serviceName: name,
      tags: toEcsShape(props.Tags),
    }) as { service: { serviceArn: string; serviceName: string; deployments: { id: string }[] } };
    ctx.initiated(out.service.serviceArn);
    await waitForSteady(ctx, out.service.serviceArn, out.service.deployments[0].id);
    return {
      physicalId: out.service.serviceArn,
      ref: out.service.serviceArn,
      attributes: attributes(out.service),
    };
  },
  async update(ctx, record, props) {
    const service = ctx.state.services.get(record.physicalId);
    const out = ecsCall(ctx, 'UpdateService', {
      ...serviceInput(props, false),
      launchType: undefined,
      cluster: service?.clusterArn ?? props.Cluster,
      service: record.physicalId,
    }) as { service: { serviceArn: string; serviceName: string; deployments: { id: string }[] } };
    retag(ctx, record.physicalId, props.Tags);
    await waitForSteady(ctx, out.service.serviceArn, out.service.deployments[0].id);
    return { physicalId: record.physicalId, ref: record.ref, attributes: attributes(out.service) };
  },
  async remove(ctx, record: ResourceRecord) {
    const service = ctx.state.services.get(record.physicalId) as Service | undefined;
    if (!service || service.status === 'INACTIVE') return;
    if (!lookupCluster(ctx.state, ctx.region, service.clusterArn)) return;
    if (service.status === 'ACTIVE')
      ecsCall(ctx, 'DeleteService', {
        cluster: service.clusterArn,
        service: service.serviceArn,
        force: true,
      });
    while ((service.status as string) !== 'INACTIVE') await ctx.sleep(TIMINGS.stabilizationPoll);
  },
};
