import type { Ecs } from './ecs';
import { conflict, invalidParameter, serviceNotFound } from './ecs-error';
import { findCluster, findTaskDefinition, lookupService } from './ecs-lookup';
import { taskShape } from './ecs-shapes';
import type { JsonObject, Task } from './ecs-types';
import { checkNetworkConfiguration } from './ecs-validation';
import { page } from './task-definition-actions';

type Input = Record<string, unknown>;

function findTask(ecs: Ecs, clusterArn: string, ref: string): Task | undefined {
  if (ref.startsWith('arn:')) return ecs.state.tasks.get(ref);
  const cluster = ecs.state.clusters.get(clusterArn);
  if (!cluster) return undefined;
  return ecs.state.tasks.get(`${clusterArn.replace(':cluster/', ':task/')}/${ref}`);
}

export function listTasks(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const desired = (input.desiredStatus as string | undefined) ?? 'RUNNING';
  let candidates: Iterable<Task>;
  if (typeof input.serviceName === 'string') {
    const service = lookupService(ecs.state, cluster, input.serviceName);
    if (!service) throw serviceNotFound();
    candidates = ecs.state.serviceTasks(service.serviceArn);
  } else {
    candidates = ecs.state.tasks.values();
  }
  const family = input.family as string | undefined;
  const arns: string[] = [];
  for (const t of candidates) {
    if (t.clusterArn !== cluster.clusterArn || t.desiredStatus !== desired) continue;
    if (input.startedBy && t.startedBy !== input.startedBy) continue;
    if (input.launchType && t.launchType !== input.launchType) continue;
    if (family && !t.taskDefinitionArn.includes(`:task-definition/${family}:`)) continue;
    arns.push(t.taskArn);
  }
  return page(arns, input, 'taskArns');
}

export function describeTasks(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const refs = (input.tasks as string[] | undefined) ?? [];
  if (refs.length > 100) throw invalidParameter('Tasks cannot be longer than 100.');
  const tasks: Input[] = [];
  const failures: Input[] = [];
  for (const ref of refs) {
    const t = findTask(ecs, cluster.clusterArn, ref);
    if (t && t.clusterArn === cluster.clusterArn) tasks.push(taskShape(t));
    else failures.push({ arn: ref, reason: 'MISSING' });
  }
  return { tasks, failures };
}

/** ECS keeps a RunTask client token for 24 hours. */
const CLIENT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** The request a client token stands for: every member but the token, keys in a stable order. */
function requestFingerprint(input: Input): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sorted((value as Input)[key])]),
          )
        : value;
  const { clientToken: _token, ...request } = input;
  return JSON.stringify(sorted(request));
}

/**
 * Starts standalone tasks. `clientToken` makes it idempotent within the cluster for 24 hours
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/ECS_Idempotency.html): the same token
 * and request answer the tasks the first call started, the same token with another request is a
 * ConflictException whose `resourceIds` are those tasks.
 */
export function runTask(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const token = typeof input.clientToken === 'string' ? input.clientToken : undefined;
  const tokenKey = token === undefined ? undefined : `${cluster.clusterArn}/${token}`;
  const previous = tokenKey === undefined ? undefined : ecs.state.runTaskTokens.get(tokenKey);
  if (previous && Date.now() - previous.createdAt < CLIENT_TOKEN_TTL_MS) {
    if (previous.request !== requestFingerprint(input)) {
      throw conflict(
        'The RunTask request could not be processed due to conflicts. The provided clientToken is ' +
          'already in use with a different RunTask request. The resourceIds are the existing task ' +
          'ARNs which are already associated with the clientToken.',
        previous.taskArns,
      );
    }
    const tasks = previous.taskArns.map((arn) => ecs.state.tasks.get(arn));
    return {
      tasks: tasks.filter((t): t is Task => t !== undefined).map(taskShape),
      failures: [],
    };
  }
  const td = findTaskDefinition(ecs.state, region, input.taskDefinition);
  const count = Number(input.count ?? 1);
  if (count < 1 || count > 10) throw invalidParameter('count must be between 1 and 10.');
  const launchType = (input.launchType as string | undefined) ?? 'EC2';
  // The sandbox has no container instances: only Fargate can place a task.
  if (launchType === 'EC2')
    throw invalidParameter('No Container Instances were found in your cluster.');
  if (launchType === 'FARGATE' && td.rest.networkMode !== 'awsvpc')
    throw invalidParameter('Task definition does not support launch_type FARGATE.');
  checkNetworkConfiguration(input.networkConfiguration);
  if (td.rest.networkMode === 'awsvpc' && !input.networkConfiguration) {
    throw invalidParameter(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
  }
  const tasks = Array.from({ length: count }, () =>
    ecs.controller.tasks.start({
      cluster,
      taskDefinition: td,
      launchType,
      group: (input.group as string | undefined) ?? `family:${td.family}`,
      startedBy: input.startedBy as string | undefined,
      network: input.networkConfiguration as JsonObject | undefined,
    }),
  );
  if (tokenKey !== undefined) {
    ecs.state.runTaskTokens.set(tokenKey, {
      request: requestFingerprint(input),
      taskArns: tasks.map((t) => t.taskArn),
      createdAt: Date.now(),
    });
  }
  return { tasks: tasks.map(taskShape), failures: [] };
}

export function stopTask(ecs: Ecs, region: string, input: Input): Input {
  const cluster = findCluster(ecs.state, region, input.cluster);
  const task = findTask(ecs, cluster.clusterArn, String(input.task ?? ''));
  if (!task) throw invalidParameter('The referenced task was not found.');
  ecs.controller.tasks.stop(
    task,
    (input.reason as string | undefined) ?? 'Task stopped by user',
    'UserInitiated',
  );
  return { task: taskShape(task) };
}
