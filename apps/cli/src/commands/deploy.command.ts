import { Command } from 'commander';
import { action, collect } from '../command-context';
import { dataOf } from '../client';
import { findRelease } from '../deployments/find-release';
import { reportStarted, WaitArgs } from '../deployments/report-started';
import { parseDuration } from '../duration';
import type { CliIo } from '../output';
import { deploymentBody, TenantArgs } from '../request-bodies';

type DeployArgs = TenantArgs &
  WaitArgs & { project: string; release: string; to: string; force?: boolean; override?: string };

/** `gantry deploy`: a release (by version) to an environment. */
export function deployCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('deploy')
    .description('deploy a release to an environment')
    .requiredOption('--project <ref>', 'project slug or id')
    .requiredOption('--release <version>', 'release version (or id)')
    .requiredOption('--to <environment>', 'environment slug or id')
    .option('--tenant <ref>', 'only this tenant, repeatable', collect, [])
    .option('--tenant-tag <tag>', 'tenants with this tag (group/value), repeatable', collect, [])
    .option('--force', 'redeploy even where this release is already deployed')
    .option('--override <reason>', 'admin: deploy through a freeze, saying why')
    .option('--wait', 'follow the deployments until they end')
    .option('--timeout <duration>', 'with --wait: give up after this long (e.g. 30m)')
    .action(
      action<DeployArgs>(io, setExitCode, async (context, args) => {
        if (args.timeout) parseDuration(args.timeout);
        const release = await findRelease(context.client, args.project, args.release);
        const { items } = dataOf(
          await context.client.api.POST('/api/releases/{id}/deployments', {
            params: { path: { id: release.id } },
            body: deploymentBody(args.to, args),
          }),
        );
        context.out.line(
          `started ${items.length} deployment(s) of ${args.project} ${release.version} to ${args.to}`,
        );
        return reportStarted(context, items, args);
      }),
    );
}
