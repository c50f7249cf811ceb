import type { JsonObject, Service, TargetGroupSide, Task } from './ecs-types';

/** A load balancer's target group on one side: `targetGroupArn` (primary) or its alternate (blue/green). */
export function targetGroupOf(loadBalancer: JsonObject, side: TargetGroupSide): string | undefined {
  if (side === 'primary') return loadBalancer.targetGroupArn as string | undefined;
  const advanced = loadBalancer.advancedConfiguration as JsonObject | undefined;
  return advanced?.alternateTargetGroupArn as string | undefined;
}

export function otherSide(side: TargetGroupSide): TargetGroupSide {
  return side === 'primary' ? 'alternate' : 'primary';
}

export function productionSide(service: Service): TargetGroupSide {
  return service.productionSide ?? 'primary';
}

/** The target groups of a side, one per load balancer that has one there. */
export function targetGroupsOn(service: Service, side: TargetGroupSide): string[] {
  return service.loadBalancers
    .map((lb) => targetGroupOf(lb, side))
    .filter((arn): arn is string => typeof arn === 'string');
}

/** Whether production traffic reaches a task: it is registered in a production target group, or the service has no load balancer. */
export function takesProductionTraffic(service: Service, task: Task): boolean {
  if (!task.healthy || task.desiredStatus !== 'RUNNING') return false;
  if (service.loadBalancers.length === 0) return true;
  const production = targetGroupsOn(service, productionSide(service));
  return (task.targetGroupArns ?? []).some((arn) => production.includes(arn));
}
