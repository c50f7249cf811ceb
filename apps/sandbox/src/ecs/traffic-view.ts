import type { SandboxState } from '../state';
import { productionSide, targetGroupOf } from './target-groups';

/**
 * The sandbox's own view of a service's load balancing (`GET /_sandbox/services/<ARN>`): for each
 * load balancer, which target group takes production traffic and which tasks (with their task
 * definitions) are registered in each, plus the blue/green stage in flight. ECS shows the
 * weights through `DescribeServiceDeployments`; Elastic Load Balancing is not emulated.
 */
export function trafficView(state: SandboxState, ref: string): Record<string, unknown> | undefined {
  const service =
    state.services.get(ref) ??
    [...state.services.values()].find(
      (s) => s.status !== 'INACTIVE' && s.serviceArn.endsWith(`/${ref}`),
    );
  if (!service) return undefined;
  const tasks = state.serviceTasks(service.serviceArn).filter((t) => t.desiredStatus === 'RUNNING');
  const registered = (targetGroupArn: string | undefined) =>
    targetGroupArn === undefined
      ? []
      : tasks
          .filter((t) => t.targetGroupArns?.includes(targetGroupArn))
          .map((t) => ({ taskArn: t.taskArn, taskDefinitionArn: t.taskDefinitionArn }));
  const side = productionSide(service);
  const green = service.deployments[0]?.blueGreen ? service.deployments[0] : undefined;
  return {
    serviceArn: service.serviceArn,
    taskDefinition: service.taskDefinition,
    strategy: service.deploymentConfiguration.strategy ?? 'ROLLING',
    lifecycleStage: green?.blueGreen?.stage ?? null,
    loadBalancers: service.loadBalancers.map((lb) => {
      const production = targetGroupOf(lb, side);
      const other = targetGroupOf(lb, side === 'primary' ? 'alternate' : 'primary');
      return {
        containerName: lb.containerName,
        containerPort: lb.containerPort,
        productionTargetGroup: { arn: production, tasks: registered(production) },
        otherTargetGroup: other === undefined ? null : { arn: other, tasks: registered(other) },
      };
    }),
  };
}
