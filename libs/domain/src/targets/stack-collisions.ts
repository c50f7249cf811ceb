import { DomainError } from '../errors/domain-error';
import { targetAcceptsTenant, type TargetCandidate } from './target-selection';

/**
 * Where a target's stacks live, as far as Gantry can tell: the AWS endpoint (or the public AWS
 * endpoints), the account and the region. A stack is named after (project, environment, tenant)
 * only (`stackName`), never after the target or its cluster, so two targets at the same place
 * that a deployment selects together would deploy one stack twice.
 */
export interface TargetPlacement extends TargetCandidate {
  region: string;
  cluster: string;
  credentialsType: 'default' | 'keys' | 'assume-role' | 'sandbox';
  /** The endpoint the target's calls go to; a `sandbox` target without one uses `sandboxEndpoint`. */
  endpoint?: string | null;
  accessKeyId?: string | null;
  roleArn?: string | null;
}

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:(?:iam|ecs):[a-z0-9-]*:(\d{12}):/;

/**
 * The account a target deploys into, named the way Gantry can know it:
 * - a custom endpoint (the sandbox, LocalStack) is one account per endpoint, whatever the credentials;
 * - on AWS, the account in the role ARN or the cluster ARN;
 * - otherwise the credentials themselves: the same access key id, or Gantry's own (`default`)
 *   credentials, are the same account. Two different access keys into one account cannot be told
 *   apart without calling AWS, and are not reported.
 */
export function targetAccount(target: TargetPlacement, sandboxEndpoint?: string): string {
  const endpoint =
    target.endpoint ??
    (target.credentialsType === 'sandbox' ? (sandboxEndpoint ?? 'sandbox') : null);
  if (endpoint) return `endpoint ${endpoint.trim().toLowerCase().replace(/\/+$/, '')}`;
  const account =
    ACCOUNT_IN_ARN.exec(target.roleArn ?? '')?.[1] ?? ACCOUNT_IN_ARN.exec(target.cluster)?.[1];
  if (account) return `account ${account}`;
  if (target.credentialsType === 'keys') return `access key ${target.accessKeyId ?? ''}`;
  return 'default credentials';
}

/** Why two targets would deploy the same stacks. */
export interface StackCollision<T extends TargetPlacement = TargetPlacement> {
  other: T;
  /** The environments both are in. */
  environmentIds: string[];
  /** The project tags that select both (for a target's own check: the tags both carry). */
  tags: string[];
  /** `untenanted`, or the tenants both take (`any` when both take every tenant). */
  tenancy: string[];
  /** Account and region, as `targetAccount` names them. */
  place: string;
}

/**
 * The tenancies both targets take: `untenanted` when both take untenanted deployments, then the
 * tenants both take (`any tenant` when neither is limited), so that one stack name is shared.
 */
function sharedTenancy(a: TargetCandidate, b: TargetCandidate): string[] {
  const shared: string[] = [];
  if (targetAcceptsTenant(a, null) && targetAcceptsTenant(b, null)) shared.push('untenanted');
  const tenantedA = (a.tenantedMode ?? 'untenanted') !== 'untenanted';
  const tenantedB = (b.tenantedMode ?? 'untenanted') !== 'untenanted';
  if (!tenantedA || !tenantedB) return shared;
  if (a.tenantIds.length === 0 && b.tenantIds.length === 0) return [...shared, 'any tenant'];
  const candidates = a.tenantIds.length ? a.tenantIds : b.tenantIds;
  return [
    ...shared,
    ...candidates.filter((id) => targetAcceptsTenant(a, id) && targetAcceptsTenant(b, id)),
  ];
}

/**
 * The collision of two targets, or null. They collide when they are at the same place (account
 * and region, `targetAccount`), share an environment, share a tenancy, and one project selects
 * both: by default one tag they both carry; given `projectTags`, a tag of the project each carries.
 * The cluster does not matter: the stack name does not contain it, so two clusters in one account
 * and region would get one stack that moves the service from one to the other.
 */
export function stackCollision<T extends TargetPlacement>(
  target: TargetPlacement,
  other: T,
  options: { projectTags?: readonly string[]; sandboxEndpoint?: string } = {},
): StackCollision<T> | null {
  if (target.id === other.id || target.region !== other.region) return null;
  const place = targetAccount(target, options.sandboxEndpoint);
  if (place !== targetAccount(other, options.sandboxEndpoint)) return null;
  const environmentIds = target.environmentIds.filter((id) => other.environmentIds.includes(id));
  if (!environmentIds.length) return null;
  const tags = options.projectTags
    ? target.tags.some((tag) => options.projectTags?.includes(tag)) &&
      other.tags.some((tag) => options.projectTags?.includes(tag))
      ? options.projectTags.filter((tag) => target.tags.includes(tag) || other.tags.includes(tag))
      : []
    : target.tags.filter((tag) => other.tags.includes(tag));
  if (!tags.length) return null;
  const tenancy = sharedTenancy(target, other);
  if (!tenancy.length) return null;
  return { other, environmentIds, tags, tenancy, place: `${place}, ${target.region}` };
}

/** Every other target that would deploy the same stacks as `target` (see `stackCollision`). */
export function stackCollisions<T extends TargetPlacement>(
  target: TargetPlacement,
  others: readonly T[],
  options: { projectTags?: readonly string[]; sandboxEndpoint?: string } = {},
): StackCollision<T>[] {
  return others
    .map((other) => stackCollision(target, other, options))
    .filter((collision): collision is StackCollision<T> => collision !== null);
}

/** Pairs among `targets` that one project (with `projectTags`) would deploy the same stacks to. */
export function projectStackCollisions<T extends TargetPlacement>(
  targets: readonly T[],
  projectTags: readonly string[],
  sandboxEndpoint?: string,
): Array<StackCollision<T> & { target: T }> {
  const found: Array<StackCollision<T> & { target: T }> = [];
  targets.forEach((target, index) => {
    for (const other of targets.slice(index + 1)) {
      const collision = stackCollision(target, other, { projectTags, sandboxEndpoint });
      if (collision) found.push({ ...collision, target });
    }
  });
  return found;
}

/** What two colliding targets share, in words: `same <place>, environment 'dev', tag 'web', untenanted deployments`. */
function shared(collision: StackCollision, nameOf: NameOf): string {
  const list = (ids: readonly string[]) => ids.map((id) => `'${nameOf(id) ?? id}'`).join(', ');
  const tenancy = collision.tenancy
    .map((item) =>
      item === 'untenanted'
        ? 'untenanted deployments'
        : item === 'any tenant'
          ? 'every tenant'
          : `tenant '${nameOf(item) ?? item}'`,
    )
    .join(' and ');
  return `same ${collision.place}, environment ${list(collision.environmentIds)}, tag${collision.tags.length > 1 ? 's' : ''} ${collision.tags.map((tag) => `'${tag}'`).join(', ')}, ${tenancy}`;
}

/**
 * The `stack_collision` error refusing project `projectName` whose target tags select two
 * targets that would deploy its stacks twice (`projectStackCollisions`).
 */
export function projectStackCollisionError(
  projectName: string,
  collisions: ReadonlyArray<StackCollision & { target: TargetPlacement }>,
  nameOf: NameOf = () => undefined,
): DomainError {
  const label = (target: TargetPlacement) => `'${target.name ?? target.id}'`;
  const sentences = collisions.map(
    (collision) =>
      `targets ${label(collision.target)} and ${label(collision.other)}: ${shared(collision, nameOf)}`,
  );
  return new DomainError(
    'stack_collision',
    `Project '${projectName}' would deploy the same CloudFormation stack twice through its target tags (a stack is named after project, environment and tenant, not after the target or cluster): ${sentences.join('; ')}. Drop one of the tags, or give one target another region, account, environment or tenants.`,
    [
      {
        path: 'targetTags',
        message: collisions
          .map((c) => `selects both ${label(c.target)} and ${label(c.other)}`)
          .join('; '),
      },
    ],
    {
      pairs: collisions.map((collision) => ({
        targetId: collision.target.id,
        otherId: collision.other.id,
        environmentIds: collision.environmentIds,
        tags: collision.tags,
        tenancy: collision.tenancy,
      })),
    },
  );
}

/** Names of the ids a collision mentions; ids are shown when a name is unknown. */
export type NameOf = (id: string) => string | undefined;

/**
 * The `stack_collision` error refusing `targetName` because of `collisions`: one sentence per
 * other target, naming it, the place, the environments, the tags and the tenancy they share.
 */
export function stackCollisionError(
  targetName: string,
  collisions: readonly StackCollision[],
  nameOf: NameOf = () => undefined,
): DomainError {
  const sentences = collisions.map(
    (collision) =>
      `target '${collision.other.name ?? collision.other.id}' deploys the same stacks: ${shared(collision, nameOf)}`,
  );
  return new DomainError(
    'stack_collision',
    `Target '${targetName}' would deploy the same CloudFormation stacks as another target (a stack is named after project, environment and tenant, not after the target or cluster): ${sentences.join('; ')}. Give one of them another region, account, environment, tag or tenants.`,
    collisions.map((collision) => ({
      path: 'target',
      message: `collides with target '${collision.other.name ?? collision.other.id}'`,
    })),
    {
      others: collisions.map((collision) => ({
        id: collision.other.id,
        name: collision.other.name ?? null,
        environmentIds: collision.environmentIds,
        tags: collision.tags,
        tenancy: collision.tenancy,
      })),
    },
  );
}
