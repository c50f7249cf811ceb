import { arn } from '../ids';
import type { Ecs } from './ecs';
import { clientException, invalidParameter } from './ecs-error';
import { findTaskDefinition } from './ecs-lookup';
import { taskDefinitionShape } from './ecs-shapes';
import type { JsonObject, TaskDefinition } from './ecs-types';
import { checkTaskDefinition, normalisedContainers, normalisedSizes } from './ecs-validation';

type Input = Record<string, unknown>;

/** Registers the next revision of a family (revisions never repeat, even after deregistering). */
export function registerTaskDefinition(ecs: Ecs, region: string, input: Input): Input {
  const family = input.family;
  if (typeof family !== 'string' || !/^[a-zA-Z0-9_-]{1,255}$/.test(family)) {
    throw clientException('Family contains invalid characters or is missing.');
  }
  const containers = input.containerDefinitions as JsonObject[] | undefined;
  if (!Array.isArray(containers) || containers.length === 0) {
    throw clientException('Container list cannot be empty.');
  }
  for (const c of containers) {
    if (typeof c.name !== 'string' || !c.name)
      throw clientException('Container.name should not be null or empty.');
    if (typeof c.image !== 'string' || !c.image)
      throw clientException('Container.image should not be null or empty.');
  }
  checkTaskDefinition(input, containers);
  const revision = (ecs.state.familyRevisions.get(`${region}/${family}`) ?? 0) + 1;
  ecs.state.familyRevisions.set(`${region}/${family}`, revision);
  const { family: _f, containerDefinitions: _c, tags: _t, ...rest } = input;
  const td: TaskDefinition = {
    taskDefinitionArn: arn.taskDefinition(region, family, revision),
    family,
    revision,
    region,
    status: 'ACTIVE',
    containerDefinitions: normalisedContainers(containers, input.networkMode),
    registeredAt: Date.now(),
    rest: { ...rest, ...withoutUndefined(normalisedSizes(input)) },
    tags: (input.tags as TaskDefinition['tags']) ?? [],
  };
  ecs.state.taskDefinitions.set(td.taskDefinitionArn, td);
  return { taskDefinition: taskDefinitionShape(td), tags: td.tags };
}

/** The revision with every registered field; its tags only when `include: ["TAGS"]` asks. */
export function describeTaskDefinition(ecs: Ecs, region: string, input: Input): Input {
  const td = findTaskDefinition(ecs.state, region, input.taskDefinition);
  const includeTags = ((input.include as string[] | undefined) ?? []).includes('TAGS');
  return {
    taskDefinition: taskDefinitionShape(td),
    tags: includeTags ? (td.tags ?? []) : undefined,
  };
}

const withoutUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Deregistering names one revision (`family:revision` or its ARN), never a bare family. */
function checkRevision(ref: unknown): void {
  if (typeof ref !== 'string') return;
  const marker = ':task-definition/';
  const name = ref.includes(marker) ? ref.slice(ref.indexOf(marker) + marker.length) : ref;
  const colon = name.indexOf(':');
  if (colon < 0) throw clientException('Revision is missing.');
  const revision = name.slice(colon + 1);
  if (!/^\d+$/.test(revision))
    throw invalidParameter(`Invalid revision number. Number: ${revision}`);
}

export function deregisterTaskDefinition(ecs: Ecs, region: string, input: Input): Input {
  checkRevision(input.taskDefinition);
  const td = findTaskDefinition(ecs.state, region, input.taskDefinition);
  if (td.status === 'ACTIVE') {
    td.status = 'INACTIVE';
    td.deregisteredAt = Date.now();
  }
  return { taskDefinition: taskDefinitionShape(td) };
}

export function listTaskDefinitions(ecs: Ecs, region: string, input: Input): Input {
  const status = (input.status as string | undefined) ?? 'ACTIVE';
  const prefix = input.familyPrefix as string | undefined;
  // AWS lists an INACTIVE revision only "as long as an active task or service still references" it.
  const referenced = status === 'INACTIVE' ? referencedTaskDefinitions(ecs) : null;
  const all = [...ecs.state.taskDefinitions.values()]
    .filter(
      (td) =>
        td.region === region &&
        td.status === status &&
        (!prefix || td.family === prefix) &&
        (!referenced || referenced.has(td.taskDefinitionArn)),
    )
    .sort((a, b) =>
      a.family === b.family ? a.revision - b.revision : a.family < b.family ? -1 : 1,
    )
    .map((td) => td.taskDefinitionArn);
  if (input.sort === 'DESC') all.reverse();
  return page(all, input, 'taskDefinitionArns');
}

/** Revisions an active service (its own or a deployment's) or a task not stopped refers to. */
function referencedTaskDefinitions(ecs: Ecs): Set<string> {
  const arns = new Set<string>();
  for (const service of ecs.state.services.values()) {
    if (service.status === 'INACTIVE') continue;
    arns.add(service.taskDefinition);
    for (const deployment of service.deployments) arns.add(deployment.taskDefinition);
  }
  for (const task of ecs.state.tasks.values())
    if (task.lastStatus !== 'STOPPED') arns.add(task.taskDefinitionArn);
  return arns;
}

/** ECS-style paging: `maxResults` (default 100) and an opaque `nextToken`. */
export function page(items: string[], input: Input, key: string): Input {
  const max = Math.min(Number(input.maxResults ?? 100), 100);
  const start = input.nextToken
    ? Number(Buffer.from(String(input.nextToken), 'base64').toString())
    : 0;
  const slice = items.slice(start, start + max);
  const next =
    start + max < items.length ? Buffer.from(String(start + max)).toString('base64') : undefined;
  return { [key]: slice, nextToken: next };
}
