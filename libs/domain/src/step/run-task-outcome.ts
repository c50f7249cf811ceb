import { createHash } from 'node:crypto';

/** A one-off task as DescribeTasks reports it (the fields its outcome depends on). */
export interface RunTaskFact {
  taskArn?: string;
  lastStatus?: string;
  stoppedReason?: string;
  stopCode?: string;
  containers?: { name?: string; exitCode?: number; reason?: string }[];
}

/** Where a one-off task stands: still running, or finished with success or failure. */
export type RunTaskState =
  | { state: 'running'; lastStatus: string }
  | { state: 'succeeded'; summary: string }
  | { state: 'failed'; error: string };

/** A task's id: the last part of its ARN. */
export const taskIdOf = (taskArn: string): string => taskArn.slice(taskArn.lastIndexOf('/') + 1);

/**
 * RunTask's client token for one step on one target of one deployment (ECS keeps it 24 hours,
 * per cluster, at most 64 ASCII characters): the same on every attempt, so a worker that died
 * after RunTask and runs it again gets the same task back instead of a second one.
 */
export function runTaskClientToken(
  deploymentId: string,
  stepSlug: string,
  targetId: string,
): string {
  const digest = createHash('sha256')
    .update(`${deploymentId}/${stepSlug}/${targetId}`)
    .digest('hex');
  return `gantry-${digest.slice(0, 56)}`;
}

/** RunTask's `startedBy` (at most 128 letters, digits, hyphens, underscores): names the deployment. */
export function runTaskStartedBy(deploymentId: string): string {
  return `gantry-${deploymentId}`.slice(0, 128);
}

/**
 * A one-off task's outcome: it succeeded only when it stopped because its essential containers
 * exited and every essential container exited 0. A failure names the task's stopped reason and
 * stop code and every container's exit code (or reason, for one that never ran).
 */
export function runTaskOutcome(
  task: RunTaskFact,
  essentialContainers: readonly string[],
): RunTaskState {
  const lastStatus = task.lastStatus ?? 'PROVISIONING';
  if (lastStatus !== 'STOPPED') return { state: 'running', lastStatus };
  const containers = task.containers ?? [];
  const essential = containers.filter((container) =>
    essentialContainers.includes(container.name ?? ''),
  );
  const exits = containers.map((container) => {
    const name = container.name ?? '?';
    const role = essentialContainers.includes(name) ? '' : ' (non-essential)';
    if (container.exitCode !== undefined && container.exitCode !== null)
      return `${name}${role} exit code ${container.exitCode}${container.reason ? ` (${container.reason})` : ''}`;
    return `${name}${role} ${container.reason ? `did not run: ${container.reason}` : 'has no exit code'}`;
  });
  const id = task.taskArn ? taskIdOf(task.taskArn) : 'the task';
  const succeeded =
    task.stopCode === 'EssentialContainerExited' &&
    essential.length > 0 &&
    essential.every((container) => container.exitCode === 0);
  if (succeeded)
    return { state: 'succeeded', summary: `Task ${id} completed: ${exits.join(', ')}.` };
  const reason = [task.stoppedReason, task.stopCode ? `(${task.stopCode})` : '']
    .filter(Boolean)
    .join(' ');
  return {
    state: 'failed',
    error: `Task ${id} failed: ${reason || 'stopped'}; ${exits.join(', ')}.`,
  };
}
