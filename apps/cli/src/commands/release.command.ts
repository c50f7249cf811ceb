import { Command } from 'commander';
import { action, collect } from '../command-context';
import { UsageError } from '../cli-errors';
import { dataOf, Schema } from '../client';
import { automaticDeploymentsCovering } from '../deployments/automatic-deployments';
import type { Release } from '../deployments/deployment.types';
import { findRelease } from '../deployments/find-release';
import { automaticDeploymentsOf } from '../deployments/release-deployments';
import { reportStarted, WaitArgs } from '../deployments/report-started';
import { parseDuration } from '../duration';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';
import { deploymentBody, releaseBody, ReleaseArgs, TenantArgs } from '../request-bodies';

type CreateArgs = ReleaseArgs & TenantArgs & WaitArgs & { project: string; deployTo?: string };

/** `gantry release create|list`. */
export function releaseCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const release = new Command('release').description('create, list and show releases');
  release
    .command('create')
    .description('create a release (and optionally deploy it)')
    .requiredOption('--project <ref>', 'project slug or id')
    .option(
      '--version <version>',
      'release version (default: --default-tag when it is a semantic version, else the next patch)',
    )
    .option('--channel <ref>', 'channel slug or id (default: the default channel)')
    .option(
      '--image <[step/]container=tag>',
      'image tag per container (bare when only one step has it), repeatable',
      collect,
      [],
    )
    .option('--default-tag <tag>', 'the tag of every container --image does not name')
    .option('--notes <text>', 'release notes')
    .option('--commit <sha>', 'build information: the commit (default: from the CI variables)')
    .option('--branch <name>', 'build information: the branch (default: from the CI variables)')
    .option('--build-url <url>', 'build information: the CI build (default: from the CI variables)')
    .option('--deploy-to <environment>', 'deploy the new release to this environment')
    .option('--tenant <ref>', 'with --deploy-to: only this tenant, repeatable', collect, [])
    .option(
      '--tenant-tag <tag>',
      'with --deploy-to: tenants with this tag, repeatable',
      collect,
      [],
    )
    .option('--wait', 'with --deploy-to: follow the deployments until they end')
    .option('--timeout <duration>', 'with --wait: give up after this long (e.g. 30m)')
    .action(
      action<CreateArgs>(io, setExitCode, async (context, args) => {
        const body = releaseBody(args, io.env);
        if (
          !args.deployTo &&
          (args.wait || args.timeout || args.tenant?.length || args.tenantTag?.length)
        ) {
          throw new UsageError('--wait, --timeout, --tenant and --tenant-tag need --deploy-to');
        }
        if (args.timeout) parseDuration(args.timeout);
        const created = dataOf(
          await context.client.api.POST('/api/projects/{ref}/releases', {
            params: { path: { ref: args.project } },
            body,
          }),
        );
        context.out.line(`created release ${created.version} of ${args.project} (${created.id})`);
        if (!args.deployTo) {
          context.out.result({ release: created });
          return ExitCode.ok;
        }
        const automatic = automaticDeploymentsCovering(
          await automaticDeploymentsOf(context.client, created, args.deployTo),
          args.deployTo,
          args.tenant ?? [],
          args.tenantTag ?? [],
        );
        if (automatic) {
          context.out.line(
            `the lifecycle already deploys ${created.version} to ${args.deployTo} on its own`,
          );
          return reportStarted(context, automatic, args, { release: created });
        }
        const { items } = dataOf(
          await context.client.api.POST('/api/releases/{id}/deployments', {
            params: { path: { id: created.id } },
            body: deploymentBody(args.deployTo, args),
          }),
        );
        return reportStarted(context, items, args, { release: created });
      }),
    );
  release
    .command('list')
    .description("list a project's releases, newest first")
    .requiredOption('--project <ref>', 'project slug or id')
    .option('--limit <n>', 'how many', '20')
    .action(
      action<{ project: string; limit: string }>(io, setExitCode, async (context, args) => {
        const page = dataOf(
          await context.client.api.GET('/api/projects/{ref}/releases', {
            params: { path: { ref: args.project }, query: { limit: Number(args.limit) } },
          }),
        );
        const channel = (release: Release) => refName(release.channel);
        context.out.table(
          ['VERSION', 'CHANNEL', 'CREATED', 'NOTES', 'ID'],
          page.items.map((item) => [
            item.version,
            channel(item),
            item.createdAt,
            item.notes,
            item.id,
          ]),
        );
        context.out.result(page);
        return ExitCode.ok;
      }),
    );
  release
    .command('show')
    .description('a release: its images, its channel and where it may go next')
    .requiredOption('--project <ref>', 'project slug or id')
    .requiredOption('--release <version>', 'release version (or id)')
    .action(
      action<{ project: string; release: string }>(io, setExitCode, async (context, args) => {
        const found = await findRelease(context.client, args.project, args.release);
        const shown = dataOf(
          await context.client.api.GET('/api/releases/{id}', {
            params: { path: { id: found.id } },
          }),
        );
        for (const line of releaseSummaryLines(shown)) context.out.line(line);
        context.out.table(
          ['CONTAINER', 'TAG'],
          Object.entries(shown.images).map(([container, tag]) => [container, tag]),
        );
        context.out.table(
          ['ENVIRONMENT', 'TENANT', 'STATE', 'REASON'],
          shown.progression.map((cell) => [
            refName(cell.environment),
            refName(cell.tenant),
            cell.status,
            cell.reason,
          ]),
        );
        context.out.result(shown);
        return ExitCode.ok;
      }),
    );
  return release;
}

type Named = { id: string; slug: string | null } | null;

const refName = (ref: Named): string | undefined => (ref ? (ref.slug ?? ref.id) : undefined);

function releaseSummaryLines(release: Schema<'Release'>): string[] {
  return [
    `release ${release.version} of ${refName(release.project) ?? '-'} (${release.id})`,
    `channel ${refName(release.channel) ?? '-'}, created ${release.createdAt}`,
    ...(release.notes ? [`notes: ${release.notes}`] : []),
  ];
}
