import { DomainError, type FieldError } from '../errors/domain-error';

type Json = Record<string, unknown>;

/** A task definition as DescribeTaskDefinition returns it (ECS's JSON shape, plain data). */
export interface DescribedTaskDefinition extends Json {
  family?: string;
  taskDefinitionArn?: string;
  containerDefinitions?: Json[];
}

/** A resource tag as ECS returns it. */
export interface EcsTag {
  key?: string;
  value?: string;
}

/**
 * What DescribeTaskDefinition returns that RegisterTaskDefinition does not take: ECS sets these.
 * Every other field is passed back unchanged, including ones this list does not know yet.
 */
export const TASK_DEFINITION_READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

/** What an `ecs-update-service` step changes: container → full image, and environment variables. */
export interface TaskDefinitionChanges {
  /** Container name → the image to run (`repository:tag`). */
  images: Record<string, string>;
  /** Set in every container named in `images`, replacing a variable of the same name. */
  environment?: Record<string, string>;
}

/** One container's image before and after, for the deployment log. */
export interface ImageChange {
  container: string;
  from: string;
  to: string;
}

export interface TaskDefinitionRegistration {
  /** RegisterTaskDefinition's input: every field of the current revision, only the images and environment changed. */
  input: Json & { family: string; containerDefinitions: Json[] };
  images: ImageChange[];
}

/**
 * The next revision of a service's task definition, from the current one: every field kept
 * (including those Gantry never sets: volumes, ulimits, linux parameters, environment files,
 * placement constraints, tags, ...), only the named containers' images replaced and, when given,
 * their environment variables set. Pure. Throws DomainError `render_check_failed` naming every
 * container that is not in the task definition and every variable that is one of its secrets.
 */
export function nextTaskDefinitionRegistration(
  current: DescribedTaskDefinition,
  changes: TaskDefinitionChanges,
  tags: readonly EcsTag[] = [],
): TaskDefinitionRegistration {
  const family = current.family;
  const containers = current.containerDefinitions ?? [];
  if (typeof family !== 'string' || containers.length === 0) {
    throw new DomainError(
      'render_check_failed',
      'The task definition has no family or no containers.',
    );
  }
  const problems: FieldError[] = [];
  const names = containers.map((container) => container.name);
  for (const name of Object.keys(changes.images)) {
    if (!names.includes(name)) {
      problems.push({
        path: `containers.${name}`,
        message: `'${name}' is not a container of ${describe(current)} (it has ${names.join(', ')})`,
      });
    }
  }
  const environment = Object.entries(changes.environment ?? {});
  const images: ImageChange[] = [];
  const containerDefinitions = containers.map((container) => {
    const name = String(container.name);
    const image = changes.images[name];
    if (image === undefined) return container;
    images.push({ container: name, from: String(container.image), to: image });
    const next: Json = { ...container, image };
    if (environment.length > 0) {
      const secrets = ((container.secrets as Json[] | undefined) ?? []).map((s) => s.name);
      for (const [key] of environment) {
        if (secrets.includes(key))
          problems.push({
            path: `environment.${key}`,
            message: `'${key}' is a secret of container '${name}'; it cannot be set as a plain variable`,
          });
      }
      next.environment = mergeEnvironment(
        (container.environment as Json[] | undefined) ?? [],
        environment,
      );
    }
    return next;
  });
  if (problems.length > 0) {
    throw new DomainError(
      'render_check_failed',
      `The service's task definition cannot be updated: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  const input: Json = {};
  for (const [key, value] of Object.entries(current)) {
    if ((TASK_DEFINITION_READ_ONLY_FIELDS as readonly string[]).includes(key)) continue;
    if (value === undefined || value === null) continue;
    input[key] = value;
  }
  input.containerDefinitions = containerDefinitions;
  const keptTags = tags.filter((tag) => tag.key !== undefined);
  if (keptTags.length > 0) input.tags = keptTags.map((tag) => ({ ...tag }));
  return {
    input: input as TaskDefinitionRegistration['input'],
    images,
  };
}

/** Variables in their existing order, a changed one in place, new ones after them by name. */
function mergeEnvironment(existing: Json[], changes: [string, string][]): Json[] {
  const values = new Map(changes);
  const merged = existing.map((entry) =>
    values.has(String(entry.name)) ? { ...entry, value: values.get(String(entry.name)) } : entry,
  );
  const present = new Set(existing.map((entry) => String(entry.name)));
  const added = changes
    .filter(([name]) => !present.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
  return [...merged, ...added];
}

function describe(current: DescribedTaskDefinition): string {
  return current.taskDefinitionArn
    ? `task definition ${current.taskDefinitionArn.slice(current.taskDefinitionArn.lastIndexOf('/') + 1)}`
    : `task definition family ${current.family}`;
}
