import { Command } from 'commander';
import { action, collect } from '../command-context';
import { dataOf } from '../client';
import { reportStarted, WaitArgs } from '../deployments/report-started';
import { parseDuration } from '../duration';
import type { CliIo } from '../output';
import { promoteBody, TenantArgs } from '../request-bodies';

type PromoteArgs = TenantArgs &
  WaitArgs & {
    project: string;
    from: string;
    to: string;
    skipBlocked?: boolean;
    override?: string;
  };

/** `gantry promote`: what last succeeded in one environment, to the next. */
export function promoteCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('promote')
    .description('deploy, per tenant, the release that last succeeded in --from to --to')
    .requiredOption('--project <ref>', 'project slug or id')
    .requiredOption('--from <environment>', 'environment to promote from')
    .requiredOption('--to <environment>', 'environment to promote to')
    .option('--tenant <ref>', 'only this tenant, repeatable', collect, [])
    .option('--tenant-tag <tag>', 'tenants with this tag (group/value), repeatable', collect, [])
    .option('--skip-blocked', 'pass over blocked releases: promote the last good one instead')
    .option('--override <reason>', 'admin: deploy through a freeze, saying why')
    .option('--wait', 'follow the deployments until they end')
    .option('--timeout <duration>', 'with --wait: give up after this long (e.g. 30m)')
    .action(
      action<PromoteArgs>(io, setExitCode, async (context, args) => {
        const body = promoteBody(args.from, args.to, args);
        if (args.timeout) parseDuration(args.timeout);
        const { items } = dataOf(
          await context.client.api.POST('/api/projects/{ref}/promote', {
            params: { path: { ref: args.project } },
            body,
          }),
        );
        context.out.line(
          `started ${items.length} deployment(s) promoting ${args.project} from ${args.from} to ${args.to}`,
        );
        return reportStarted(context, items, args);
      }),
    );
}
