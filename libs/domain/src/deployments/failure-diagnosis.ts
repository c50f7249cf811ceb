export interface StackEventFact {
  logicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
  timestamp: Date;
}

export interface StoppedTaskFact {
  taskArn: string;
  stoppedReason?: string;
  stopCode?: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

export interface FailureFacts {
  stackStatus: string;
  /** The operation's events, any order. */
  events: StackEventFact[];
  /** The ECS service's latest event messages, newest first. */
  serviceEvents: string[];
  stoppedTasks: StoppedTaskFact[];
}

/** Reasons CloudFormation gives for resources it gave up on because of another one: not the cause. */
const CONSEQUENTIAL =
  /Resource creation cancelled|Resource update cancelled|cancelled by user|The following resource\(s\) failed/i;

/**
 * One paragraph saying why a deployment failed: the first resource that failed for a reason of
 * its own, the ECS service's latest events, and the stopped tasks' reasons and exit codes.
 */
export function diagnoseFailure(facts: FailureFacts): string {
  const parts = [`Stack ended in ${facts.stackStatus}.`];
  const cause = firstFailure(facts.events);
  if (cause)
    parts.push(
      `${cause.logicalId} (${cause.resourceType}) ${cause.status}: ${cause.reason ?? 'no reason given'}.`,
    );
  const tasks = failedFirst(facts.stoppedTasks).slice(0, 3).map(describeTask);
  if (tasks.length) parts.push(`Stopped tasks: ${tasks.join('; ')}.`);
  const events = facts.serviceEvents.slice(0, 3);
  if (events.length) parts.push(`Service events: ${events.join(' | ')}`);
  return parts.join(' ');
}

function firstFailure(events: StackEventFact[]): StackEventFact | undefined {
  const failed = [...events]
    .filter((event) => event.status.endsWith('_FAILED'))
    .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  return failed.find((event) => !CONSEQUENTIAL.test(event.reason ?? '')) ?? failed[0];
}

/** Stop codes of tasks ECS or a person stopped on purpose (scaling, replacing): not a cause. */
const DELIBERATE_STOPS = new Set(['ServiceSchedulerInitiated', 'UserInitiated']);

/** Tasks that failed first, so an old task scaled in during the rollout does not hide the cause. */
function failedFirst(tasks: StoppedTaskFact[]): StoppedTaskFact[] {
  const deliberate = (task: StoppedTaskFact) => DELIBERATE_STOPS.has(task.stopCode ?? '');
  return [...tasks.filter((task) => !deliberate(task)), ...tasks.filter(deliberate)];
}

function describeTask(task: StoppedTaskFact): string {
  const id = task.taskArn.split('/').pop();
  const exits = task.containers
    .filter((container) => container.exitCode !== undefined || container.reason)
    .map(
      (container) =>
        `${container.name} exit code ${container.exitCode ?? 'none'}${container.reason && container.reason !== task.stoppedReason ? ` (${container.reason})` : ''}`,
    );
  return `task ${id} ${task.stopCode ? `${task.stopCode}: ` : ''}${task.stoppedReason ?? 'stopped'}${exits.length ? ` [${exits.join(', ')}]` : ''}`;
}
