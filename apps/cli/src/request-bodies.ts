import { releaseBuildInfo } from './ci-build-info';
import { UsageError } from './cli-errors';
import type { JsonBody } from './client';

/** Drops undefined fields and empty lists, so the body holds only what the user gave. */
function compact<T extends object>(body: T): T {
  return Object.fromEntries(
    Object.entries(body).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}

/**
 * `--image web=1.4.2 --image worker/app=1.4.2` → `{web: '1.4.2', 'worker/app': '1.4.2'}`: a container
 * by its bare name (when only one step has it) or as `<step>/<container>`.
 */
export function parseImages(pairs: string[]): Record<string, string> {
  const images: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([^=\s]+)=(\S+)$/.exec(pair);
    if (!match)
      throw new UsageError(
        `invalid --image '${pair}': use [<step>/]<container>=<tag>, e.g. web=1.4.2 or worker/app=1.4.2`,
      );
    if (match[1] in images) throw new UsageError(`--image names container '${match[1]}' twice`);
    images[match[1]] = match[2];
  }
  return images;
}

export interface ReleaseArgs {
  version?: string;
  channel?: string;
  image?: string[];
  defaultTag?: string;
  notes?: string;
  commit?: string;
  branch?: string;
  buildUrl?: string;
}

/**
 * Body of `POST /api/projects/:ref/releases`. Build information comes from `--commit`, `--branch`
 * and `--build-url`, and from the CI's variables (GitHub Actions, GitLab CI, Jenkins) for the rest.
 */
export function releaseBody(
  args: ReleaseArgs,
  env: Record<string, string | undefined> = {},
): JsonBody<'/api/projects/{ref}/releases', 'post'> {
  if (!args.image?.length && !args.defaultTag)
    throw new UsageError(
      'give --default-tag <tag> or at least one --image [<step>/]<container>=<tag>',
    );
  return compact({
    version: args.version,
    channel: args.channel,
    images: parseImages(args.image ?? []),
    defaultTag: args.defaultTag,
    notes: args.notes,
    build: releaseBuildInfo({ commit: args.commit, branch: args.branch, url: args.buildUrl }, env),
  });
}

export interface TenantArgs {
  tenant?: string[];
  tenantTag?: string[];
}

/** Body of `POST /api/releases/:id/deployments`. */
export function deploymentBody(
  environment: string,
  args: TenantArgs & { force?: boolean; override?: string },
): JsonBody<'/api/releases/{id}/deployments', 'post'> {
  return compact({
    environment,
    tenants: args.tenant,
    tenantTags: args.tenantTag,
    force: args.force || undefined,
    override: args.override ? { reason: args.override } : undefined,
  });
}

/** Body of `POST /api/projects/:ref/promote`. */
export function promoteBody(
  from: string,
  to: string,
  args: TenantArgs & { skipBlocked?: boolean; override?: string },
): JsonBody<'/api/projects/{ref}/promote', 'post'> {
  if (from === to) throw new UsageError('--from and --to name the same environment');
  return compact({
    from,
    to,
    tenants: args.tenant,
    tenantTags: args.tenantTag,
    skipBlocked: args.skipBlocked || undefined,
    override: args.override ? { reason: args.override } : undefined,
  });
}
