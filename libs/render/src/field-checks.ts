import {
  AWS_IDENTIFIERS,
  awsIdentifierProblem,
  type AwsIdentifier,
  type EcsServiceStep,
  type FieldError,
} from '@gantry/domain';
import type { FieldValues } from './field-values';

const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Image tags: present for every container (when required) and valid Docker tags. */
export function checkImages(
  step: EcsServiceStep,
  images: Record<string, string> | undefined,
  required: boolean,
  problems: FieldError[],
): void {
  for (const container of step.containers) {
    const tag = images?.[container.name];
    const path = `release.images.${container.name}`;
    if (tag === undefined) {
      if (required)
        problems.push({ path, message: `no image tag chosen for container '${container.name}'` });
    } else if (!IMAGE_TAG_PATTERN.test(tag)) {
      problems.push({
        path,
        message: `'${tag}' is not a valid image tag (letters, digits, '_', '.', '-', at most 128)`,
      });
    }
  }
}

/**
 * ARNs, ids and names that must not be empty once variables are substituted, and ids and ARNs
 * in the shape AWS accepts. (Without `executionRoleArn` the stack creates the execution role.)
 */
export function checkReferences(
  step: EcsServiceStep,
  values: FieldValues,
  problems: FieldError[],
): void {
  const nonEmpty = (raw: string | undefined, path: string, identifier?: AwsIdentifier) => {
    if (raw === undefined) return;
    const value = values.expand(raw);
    if (value?.trim() === '') problems.push({ path, message: 'is empty after substitution' });
    else if (value !== null && identifier) {
      const problem = awsIdentifierProblem(value, identifier);
      if (problem)
        problems.push({ path, message: values.sensitive(raw) ? problem : `'${value}' ${problem}` });
    }
  };
  nonEmpty(step.task.executionRoleArn, 'step.task.executionRoleArn', AWS_IDENTIFIERS.role);
  nonEmpty(step.task.taskRoleArn, 'step.task.taskRoleArn', AWS_IDENTIFIERS.role);
  nonEmpty(step.service.platformVersion, 'step.service.platformVersion');
  step.service.network.subnets.forEach((subnet, index) =>
    nonEmpty(subnet, `step.service.network.subnets.${index}`, AWS_IDENTIFIERS.subnet),
  );
  step.service.network.securityGroups.forEach((group, index) =>
    nonEmpty(group, `step.service.network.securityGroups.${index}`, AWS_IDENTIFIERS.securityGroup),
  );
  step.service.loadBalancers.forEach((balancer, index) =>
    nonEmpty(
      balancer.targetGroupArn,
      `step.service.loadBalancers.${index}.targetGroupArn`,
      AWS_IDENTIFIERS.targetGroup,
    ),
  );
  step.containers.forEach((container, index) => {
    for (const [name, valueFrom] of Object.entries(container.secrets))
      nonEmpty(valueFrom, `step.containers.${index}.secrets.${name}`);
  });
  step.service.autoScaling?.targetTracking.forEach((tracking, index) => {
    const at = `step.service.autoScaling.targetTracking.${index}`;
    nonEmpty(tracking.loadBalancerArn, `${at}.loadBalancerArn`, AWS_IDENTIFIERS.loadBalancer);
    nonEmpty(tracking.targetGroupArn, `${at}.targetGroupArn`, AWS_IDENTIFIERS.targetGroup);
  });
  step.task.volumes.forEach((volume, index) => {
    const at = `step.task.volumes.${index}.efs`;
    nonEmpty(volume.efs.fileSystemId, `${at}.fileSystemId`, AWS_IDENTIFIERS.efsFileSystem);
    nonEmpty(volume.efs.accessPointId, `${at}.accessPointId`, AWS_IDENTIFIERS.efsAccessPoint);
  });
}
