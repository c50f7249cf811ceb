export interface StackEventFact {
  logicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
  timestamp: Date;
  /** For a task definition, its ARN with revision. */
  physicalId?: string;
}

export interface StoppedTaskFact {
  taskArn: string;
  taskDefinitionArn?: string;
  createdAt?: Date;
  stoppedReason?: string;
  stopCode?: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

export interface ServiceEventFact {
  message: string;
  createdAt?: Date;
}

export interface FailureFacts {
  stackStatus: string;
  /** The operation's events, any order. */
  events: StackEventFact[];
  /** The ECS service's latest events, newest first. */
  serviceEvents: ServiceEventFact[];
  /** The service's recently stopped tasks, any deployment's. */
  stoppedTasks: StoppedTaskFact[];
  /** The containers of the step that are essential: their exits stop the task. */
  essentialContainers: string[];
}

/** Why a deployment failed: one short line for lists and logs, and the evidence on request. */
export interface Diagnosis {
  summary: string;
  details: string;
}

/** Reasons CloudFormation gives for resources it gave up on because of another one: not the cause. */
const CONSEQUENTIAL =
  /Resource creation cancelled|Resource update cancelled|cancelled by user|The following resource\(s\) failed/i;

/** Stop codes of tasks ECS or a person stopped on purpose (scaling, replacing): not a cause. */
const DELIBERATE_STOPS = new Set(['ServiceSchedulerInitiated', 'UserInitiated']);

const SUMMARY_MAX = 200;

/**
 * Why this deployment failed, from this deployment's evidence only: the tasks of the task
 * definition revision it registered (or, when none is known, tasks started after the operation
 * began), each essential container's exit code and reason, and the service events of the failed
 * rollout — from its start up to the rollback, which only says the old tasks are steady again.
 */
export function diagnoseFailure(facts: FailureFacts): Diagnosis {
  const cause = firstFailure(facts.events);
  const tasks = ownTasks(facts).filter((task) => !DELIBERATE_STOPS.has(task.stopCode ?? ''));
  const serviceEvents = rolloutEvents(facts);
  const details = [
    `Stack ended in ${facts.stackStatus}.`,
    ...(cause
      ? [
          `${cause.logicalId} (${cause.resourceType}) ${cause.status}: ${cause.reason ?? 'no reason given'}`,
        ]
      : []),
    ...tasks.map((task) => describeTask(task, facts.essentialContainers)),
    ...serviceEvents.map((event) => `Service event: ${event.message}`),
  ].join('\n');
  return { summary: summarise(facts.stackStatus, tasks, cause), details };
}

function summarise(
  stackStatus: string,
  tasks: StoppedTaskFact[],
  cause: StackEventFact | undefined,
): string {
  const why = tasks.length
    ? taskCause(tasks)
    : cause
      ? `${cause.logicalId} ${cause.status}: ${cause.reason ?? 'no reason given'}`
      : '';
  const line = why ? `${stackStatus}: ${why}` : `Stack ended in ${stackStatus}.`;
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}

/** The most common stop reason among this deployment's failed tasks, with how many stopped so. */
function taskCause(tasks: StoppedTaskFact[]): string {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    const reason = task.stoppedReason ?? task.stopCode ?? 'stopped';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const [reason, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const exits = [
    ...new Set(
      tasks.flatMap((task) =>
        task.containers
          .filter((c) => c.exitCode !== undefined && c.exitCode !== 0)
          .map((c) => `${c.name} exit code ${c.exitCode}`),
      ),
    ),
  ];
  return `${count} task(s) stopped: ${reason}${exits.length ? ` (${exits.join(', ')})` : ''}`;
}

function firstFailure(events: StackEventFact[]): StackEventFact | undefined {
  const failed = [...events]
    .filter((event) => event.status.endsWith('_FAILED'))
    .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  return failed.find((event) => !CONSEQUENTIAL.test(event.reason ?? '')) ?? failed[0];
}

/** When the operation began, and when its rollback began (if it did). */
function operationWindow(events: StackEventFact[]): { start?: Date; rollback?: Date } {
  const times = events.map((event) => event.timestamp.getTime());
  const rollback = events
    .filter(
      (event) =>
        /ROLLBACK_IN_PROGRESS$/.test(event.status) &&
        event.resourceType === 'AWS::CloudFormation::Stack',
    )
    .map((event) => event.timestamp.getTime());
  return {
    start: times.length ? new Date(Math.min(...times)) : undefined,
    rollback: rollback.length ? new Date(Math.min(...rollback)) : undefined,
  };
}

/** The task definition revisions this operation registered, before any rollback. */
function ownTaskDefinitions(events: StackEventFact[]): Set<string> {
  const { rollback } = operationWindow(events);
  return new Set(
    events
      .filter(
        (event) =>
          event.resourceType === 'AWS::ECS::TaskDefinition' &&
          /_COMPLETE$/.test(event.status) &&
          event.physicalId?.includes(':task-definition/') &&
          (!rollback || event.timestamp < rollback),
      )
      .map((event) => event.physicalId as string),
  );
}

function ownTasks(facts: FailureFacts): StoppedTaskFact[] {
  const definitions = ownTaskDefinitions(facts.events);
  if (definitions.size)
    return facts.stoppedTasks.filter((task) => definitions.has(task.taskDefinitionArn ?? ''));
  const { start } = operationWindow(facts.events);
  return facts.stoppedTasks.filter((task) => !start || !task.createdAt || task.createdAt >= start);
}

/** The service's events from the operation's start until its rollback began, oldest first. */
function rolloutEvents(facts: FailureFacts): ServiceEventFact[] {
  const { start, rollback } = operationWindow(facts.events);
  const chronological = [...facts.serviceEvents].reverse();
  const inWindow = chronological.filter(
    (event) =>
      !event.createdAt ||
      ((!start || event.createdAt >= start) && (!rollback || event.createdAt <= rollback)),
  );
  const end = inWindow.findIndex((event) => /rolling back to deployment/.test(event.message));
  return (end >= 0 ? inWindow.slice(0, end + 1) : inWindow).filter(
    (event) => !/has reached a steady state/.test(event.message),
  );
}

function describeTask(task: StoppedTaskFact, essential: readonly string[]): string {
  const id = task.taskArn.split('/').pop();
  const containers = task.containers
    .filter((container) => essential.length === 0 || essential.includes(container.name))
    .map(
      (container) =>
        `${container.name} exit code ${container.exitCode ?? 'none'}${container.reason ? ` (${container.reason})` : ''}`,
    );
  return `Task ${id} ${task.stopCode ? `${task.stopCode}: ` : ''}${task.stoppedReason ?? 'stopped'}${containers.length ? `; essential containers: ${containers.join(', ')}` : ''}`;
}
