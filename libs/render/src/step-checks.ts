import type { EcsServiceStep, FieldError } from '@gantry/domain';
import type { FieldValues } from './field-values';

const HEALTH_CHECK_KINDS = ['CMD', 'CMD-SHELL', 'NONE'];

/** Essential containers, health checks, ports, `dependsOn`, load balancers and the grace period. */
export function checkStructure(
  step: EcsServiceStep,
  values: FieldValues,
  problems: FieldError[],
): void {
  if (!step.containers.some((container) => container.essential)) {
    problems.push({ path: 'step.containers', message: 'at least one container must be essential' });
  }
  step.containers.forEach((container, index) => {
    const kind = container.healthCheck?.command[0];
    if (kind !== undefined && !HEALTH_CHECK_KINDS.includes(kind)) {
      problems.push({
        path: `step.containers.${index}.healthCheck.command.0`,
        message: `must be one of ${HEALTH_CHECK_KINDS.join(', ')}, got '${kind}'`,
      });
    }
  });
  checkPorts(step, problems);
  checkDependencies(step, values, problems);
  checkLoadBalancers(step, values, problems);
}

/** In `awsvpc` mode all containers share one network namespace, so ports are unique per task. */
function checkPorts(step: EcsServiceStep, problems: FieldError[]): void {
  const ports = new Map<string, string>();
  const portNames = new Set<string>();
  step.containers.forEach((container, index) => {
    container.portMappings.forEach((mapping, portIndex) => {
      const at = `step.containers.${index}.portMappings.${portIndex}`;
      const key = `${mapping.containerPort}/${mapping.protocol}`;
      const owner = ports.get(key);
      if (owner !== undefined)
        problems.push({
          path: `${at}.containerPort`,
          message: `port ${key} is already mapped by container '${owner}'`,
        });
      else ports.set(key, container.name);
      if (mapping.hostPort !== undefined && mapping.hostPort !== mapping.containerPort) {
        problems.push({
          path: `${at}.hostPort`,
          message: `must equal containerPort (${mapping.containerPort}) on Fargate (awsvpc)`,
        });
      }
      if (mapping.name !== undefined) {
        if (portNames.has(mapping.name))
          problems.push({
            path: `${at}.name`,
            message: `port name '${mapping.name}' is used twice in the task`,
          });
        portNames.add(mapping.name);
      }
    });
  });
}

function checkDependencies(
  step: EcsServiceStep,
  values: FieldValues,
  problems: FieldError[],
): void {
  step.containers.forEach((container, index) => {
    container.dependsOn.forEach((dependency, depIndex) => {
      const path = `step.containers.${index}.dependsOn.${depIndex}.containerName`;
      const name = values.expand(dependency.containerName);
      const target = step.containers.find((candidate) => candidate.name === name);
      if (!target || target === container) {
        problems.push({
          path,
          message: `'${dependency.containerName}' is not another container of this step`,
        });
      } else if (dependency.condition === 'HEALTHY' && !target.healthCheck) {
        problems.push({
          path: `step.containers.${index}.dependsOn.${depIndex}.condition`,
          message: `HEALTHY needs a health check on container '${target.name}'`,
        });
      } else if (
        (dependency.condition === 'SUCCESS' || dependency.condition === 'COMPLETE') &&
        target.essential
      ) {
        problems.push({
          path: `step.containers.${index}.dependsOn.${depIndex}.condition`,
          message: `${dependency.condition} cannot wait for essential container '${target.name}' (it must keep running)`,
        });
      }
    });
  });
}

function checkLoadBalancers(
  step: EcsServiceStep,
  values: FieldValues,
  problems: FieldError[],
): void {
  const balancers = step.service.loadBalancers;
  if (balancers.length > 5)
    problems.push({
      path: 'step.service.loadBalancers',
      message: 'a service can register with at most 5 target groups',
    });
  balancers.forEach((balancer, index) => {
    const name = values.expand(balancer.containerName);
    const container = step.containers.find((candidate) => candidate.name === name);
    if (!container) {
      problems.push({
        path: `step.service.loadBalancers.${index}.containerName`,
        message: `'${balancer.containerName}' is not a container of this step`,
      });
    } else if (
      !container.portMappings.some(
        (mapping) => mapping.containerPort === balancer.containerPort && mapping.protocol === 'tcp',
      )
    ) {
      problems.push({
        path: `step.service.loadBalancers.${index}.containerPort`,
        message: `container '${container.name}' does not map tcp port ${balancer.containerPort}`,
      });
    }
  });
  const grace = step.service.healthCheckGracePeriodSeconds;
  if (
    balancers.length === 0 &&
    grace !== 0 &&
    grace !== '0' &&
    values.expand(String(grace)) !== '0'
  ) {
    problems.push({
      path: 'step.service.healthCheckGracePeriodSeconds',
      message:
        'applies only to a service with load balancers; use the container health check startPeriod instead',
    });
  }
}
