import type { EcsServiceStep, FieldError } from '@gantry/domain';
import type { FieldValues } from './field-values';

/** Fargate's ceiling for `nofile` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html). */
const FARGATE_NOFILE_MAX = 1_048_576;
/** Platform versions before 1.4.0 have neither EFS volumes nor configurable ephemeral storage. */
const OLD_PLATFORM = /^1\.[0-3]\.\d+$/;

/**
 * The production options of a step (capacity providers, auto-scaling, EFS volumes and the
 * container hardening fields), each problem naming its field. None needs a variable's value, so
 * they are all heard when the project is saved.
 */
export function checkOptions(
  step: EcsServiceStep,
  values: FieldValues,
  problems: FieldError[],
): void {
  checkCapacity(step, problems);
  checkAutoScaling(step, values, problems);
  checkVolumes(step, values, problems);
  checkContainers(step, problems);
}

function checkCapacity(step: EcsServiceStep, problems: FieldError[]): void {
  const strategy = step.service.capacityProviderStrategy;
  const at = 'step.service.capacityProviderStrategy';
  if (strategy.length === 0) return;
  if (step.service.launchType !== undefined)
    problems.push({
      path: 'step.service.launchType',
      message: 'cannot be set together with capacityProviderStrategy: leave launchType out',
    });
  const seen = new Set<string>();
  let withBase: string | null = null;
  strategy.forEach((item, index) => {
    if (seen.has(item.capacityProvider))
      problems.push({
        path: `${at}.${index}.capacityProvider`,
        message: `${item.capacityProvider} is listed twice`,
      });
    seen.add(item.capacityProvider);
    if (item.base !== undefined && item.base > 0) {
      if (withBase !== null)
        problems.push({
          path: `${at}.${index}.base`,
          message: `only one capacity provider may have a base; ${withBase} already has one`,
        });
      else withBase = item.capacityProvider;
    }
  });
  if (strategy.every((item) => item.weight === 0))
    problems.push({
      path: `${at}.0.weight`,
      message: 'at least one capacity provider needs a weight above 0',
    });
}

function checkAutoScaling(step: EcsServiceStep, values: FieldValues, problems: FieldError[]): void {
  const scaling = step.service.autoScaling;
  if (!scaling) return;
  const at = 'step.service.autoScaling';
  if (scaling.minCapacity > scaling.maxCapacity)
    problems.push({
      path: `${at}.maxCapacity`,
      message: `must be at least minCapacity (${scaling.minCapacity})`,
    });
  const metrics = new Set<string>();
  scaling.targetTracking.forEach((tracking, index) => {
    const path = `${at}.targetTracking.${index}`;
    if (metrics.has(tracking.metric))
      problems.push({
        path: `${path}.metric`,
        message: `${tracking.metric} already has a target-tracking policy`,
      });
    metrics.add(tracking.metric);
    if (tracking.metric !== 'alb-requests') {
      if (tracking.target > 100)
        problems.push({
          path: `${path}.target`,
          message: `is a utilisation percentage for ${tracking.metric}: at most 100`,
        });
      for (const field of ['loadBalancerArn', 'targetGroupArn'] as const)
        if (tracking[field] !== undefined)
          problems.push({ path: `${path}.${field}`, message: 'applies to alb-requests only' });
      return;
    }
    const balancers = step.service.loadBalancers;
    if (balancers.length === 0) {
      problems.push({
        path: `${path}.metric`,
        message: 'alb-requests needs a load balancer: add one to service.loadBalancers',
      });
    } else if (
      tracking.targetGroupArn !== undefined &&
      !balancers.some(
        (balancer) =>
          values.expand(balancer.targetGroupArn) === values.expand(tracking.targetGroupArn ?? '') ||
          balancer.targetGroupArn === tracking.targetGroupArn,
      )
    ) {
      problems.push({
        path: `${path}.targetGroupArn`,
        message: 'must be the target group of one of service.loadBalancers',
      });
    }
    if (tracking.loadBalancerArn === undefined)
      problems.push({
        path: `${path}.loadBalancerArn`,
        message:
          'is required for alb-requests: the metric is labelled with the load balancer and its target group',
      });
  });
  const names = new Set<string>();
  scaling.scheduled.forEach((action, index) => {
    const path = `${at}.scheduled.${index}`;
    if (names.has(action.name))
      problems.push({ path: `${path}.name`, message: `'${action.name}' is used twice` });
    names.add(action.name);
    if (action.minCapacity === undefined && action.maxCapacity === undefined)
      problems.push({ path, message: 'needs minCapacity, maxCapacity or both' });
    if (
      action.minCapacity !== undefined &&
      action.maxCapacity !== undefined &&
      action.minCapacity > action.maxCapacity
    )
      problems.push({
        path: `${path}.maxCapacity`,
        message: `must be at least minCapacity (${action.minCapacity})`,
      });
  });
}

function checkVolumes(step: EcsServiceStep, values: FieldValues, problems: FieldError[]): void {
  const names = new Set<string>();
  const platform = values.expand(step.service.platformVersion);
  const oldPlatform = platform !== null && OLD_PLATFORM.test(platform);
  step.task.volumes.forEach((volume, index) => {
    const at = `step.task.volumes.${index}`;
    if (names.has(volume.name))
      problems.push({ path: `${at}.name`, message: `volume name '${volume.name}' is used twice` });
    names.add(volume.name);
    const { efs } = volume;
    const encrypted = efs.transitEncryption === 'ENABLED';
    if (efs.accessPointId !== undefined && !encrypted)
      problems.push({
        path: `${at}.efs.transitEncryption`,
        message: 'must be ENABLED when an access point is used',
      });
    if (efs.iam === 'ENABLED' && !encrypted)
      problems.push({
        path: `${at}.efs.transitEncryption`,
        message: 'must be ENABLED when IAM authorization is used',
      });
    if (efs.iam === 'ENABLED' && step.task.taskRoleArn === undefined)
      problems.push({
        path: `${at}.efs.iam`,
        message: 'IAM authorization uses the task role: set task.taskRoleArn',
      });
    if (
      efs.accessPointId !== undefined &&
      efs.rootDirectory !== undefined &&
      efs.rootDirectory !== '/'
    )
      problems.push({
        path: `${at}.efs.rootDirectory`,
        message: "must be left out (or '/') with an access point, which sets the root directory",
      });
    if (efs.transitEncryptionPort !== undefined && !encrypted)
      problems.push({
        path: `${at}.efs.transitEncryptionPort`,
        message: 'applies only when transitEncryption is ENABLED',
      });
    if (oldPlatform)
      problems.push({
        path: `${at}.efs`,
        message: `EFS volumes need Fargate platform version 1.4.0 or later, not ${platform}`,
      });
  });
  if (oldPlatform && step.task.ephemeralStorageGiB !== undefined)
    problems.push({
      path: 'step.task.ephemeralStorageGiB',
      message: `needs Fargate platform version 1.4.0 or later, not ${platform}`,
    });
  step.containers.forEach((container, index) => {
    const paths = new Set<string>();
    container.mountPoints.forEach((mount, mountIndex) => {
      const at = `step.containers.${index}.mountPoints.${mountIndex}`;
      if (!names.has(mount.sourceVolume))
        problems.push({
          path: `${at}.sourceVolume`,
          message: `'${mount.sourceVolume}' is not a volume of task.volumes`,
        });
      if (paths.has(mount.containerPath))
        problems.push({
          path: `${at}.containerPath`,
          message: `${mount.containerPath} is mounted twice in container '${container.name}'`,
        });
      paths.add(mount.containerPath);
    });
  });
}

function checkContainers(step: EcsServiceStep, problems: FieldError[]): void {
  step.containers.forEach((container, index) => {
    const at = `step.containers.${index}`;
    for (const name of Object.keys(container.environment))
      if (name in container.secrets)
        problems.push({
          path: `${at}.secrets.${name}`,
          message: `${name} is also an environment variable of this container`,
        });
    const limits = new Set<string>();
    container.ulimits.forEach((limit, limitIndex) => {
      const path = `${at}.ulimits.${limitIndex}`;
      if (limits.has(limit.name))
        problems.push({ path: `${path}.name`, message: `ulimit ${limit.name} is set twice` });
      limits.add(limit.name);
      if (limit.softLimit > limit.hardLimit)
        problems.push({
          path: `${path}.softLimit`,
          message: `must not exceed hardLimit (${limit.hardLimit})`,
        });
      if (limit.name === 'nofile' && limit.hardLimit > FARGATE_NOFILE_MAX)
        problems.push({
          path: `${path}.hardLimit`,
          message: `Fargate allows nofile up to ${FARGATE_NOFILE_MAX}`,
        });
    });
    for (const key of Object.keys(container.dockerLabels))
      if (key.startsWith('com.amazonaws.ecs.'))
        problems.push({
          path: `${at}.dockerLabels.${key}`,
          message: "labels starting with 'com.amazonaws.ecs.' are set by ECS itself",
        });
  });
}
