import {
  diagnoseFailure,
  type Diagnosis,
  type FailureFacts,
  type StackEventFact,
  type TargetOutcome,
} from '@gantry/domain';
import type { Service, Task } from '@aws-sdk/client-ecs';
import type { TargetContext } from './target-context';

/** A completed stack counts only when ECS's primary deployment runs this task definition, rolled out. */
export async function verifyRollout(
  context: TargetContext,
  outputs: { OutputKey?: string; OutputValue?: string }[],
  events: StackEventFact[],
  essentialContainers: string[],
): Promise<TargetOutcome> {
  const value = (key: string) => outputs.find((output) => output.OutputKey === key)?.OutputValue;
  const serviceName = value('ServiceName') ?? context.target.stackName;
  const taskDefinition = value('TaskDefinitionArn');
  const service = await context.ecs.describeService(context.cluster, serviceName, {
    followUp: true,
  });
  const primary = service?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
  if (
    primary &&
    primary.taskDefinition === taskDefinition &&
    primary.rolloutState === 'COMPLETED'
  ) {
    await context.log.info(
      'ecs',
      `Service ${serviceName} runs ${taskDefinition} (rollout COMPLETED, ${primary.runningCount ?? 0} tasks running).`,
    );
    return { status: 'succeeded' };
  }
  const diagnosis = await diagnose(context, 'UPDATE_COMPLETE', events, essentialContainers);
  const cause = diagnosis.summary.startsWith('UPDATE_COMPLETE: ')
    ? `: ${diagnosis.summary.slice('UPDATE_COMPLETE: '.length)}`
    : '.';
  return {
    status: 'failed',
    error: `The stack completed, but ECS rolled back service ${serviceName}${cause}`,
    details: `ECS service ${serviceName} runs ${primary?.taskDefinition ?? 'nothing'} (rollout ${primary?.rolloutState ?? 'unknown'}), not this deployment's ${taskDefinition}.\n${diagnosis.details}`,
  };
}

/** Why the operation failed, from its events, the service's events and the stopped tasks. */
export async function diagnose(
  context: TargetContext,
  stackStatus: string,
  events: StackEventFact[],
  essentialContainers: string[],
): Promise<Diagnosis> {
  const service = await context.ecs
    .describeService(context.cluster, context.target.stackName, { followUp: true })
    .catch(() => null);
  const stopped = service
    ? await context.ecs.stoppedTasks(context.cluster, context.target.stackName).catch(() => [])
    : [];
  const diagnosis = diagnoseFailure({
    stackStatus,
    events,
    essentialContainers,
    ...ecsFailureFacts(service, stopped),
  });
  return {
    summary: context.log.mask(diagnosis.summary),
    details: context.log.mask(diagnosis.details),
  };
}

/** What failure diagnosis reads of ECS: the service's events and its stopped tasks' exits. */
export function ecsFailureFacts(
  service: Service | null | undefined,
  stopped: Task[],
): Pick<FailureFacts, 'serviceEvents' | 'stoppedTasks'> {
  return {
    serviceEvents: (service?.events ?? [])
      .filter((event) => event.message)
      .map((event) => ({ message: event.message ?? '', createdAt: event.createdAt })),
    stoppedTasks: stopped.map((task) => ({
      taskArn: task.taskArn ?? '',
      taskDefinitionArn: task.taskDefinitionArn,
      createdAt: task.createdAt,
      stoppedReason: task.stoppedReason,
      stopCode: task.stopCode,
      containers: (task.containers ?? []).map((container) => ({
        name: container.name ?? '',
        exitCode: container.exitCode,
        reason: container.reason,
      })),
    })),
  };
}
