import { Command, Option } from 'commander';
import { DEPLOYMENT_STATUSES } from '@gantry/domain';
import { action, collect } from '../command-context';
import { dataOf } from '../client';
import { DEPLOYMENT_HEADERS, deploymentRow } from '../deployments/deployment-format';
import type { Deployment } from '../deployments/deployment.types';
import { reportStarted, WaitArgs } from '../deployments/report-started';
import { previousGoodReleases } from '../deployments/rollback-plan';
import { parseDuration } from '../duration';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

type Status = Deployment['status'];

const STATUSES: readonly Status[] = DEPLOYMENT_STATUSES;

interface ListArgs {
  project?: string;
  environment?: string;
  tenant?: string;
  status?: string;
  limit: string;
}

/** `gantry deployments list`: the latest deployments, newest first. */
export function deploymentsCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const deployments = new Command('deployments').description('list deployments');
  deployments
    .command('list')
    .description('deployments, newest first')
    .option('--project <ref>', 'only this project')
    .option('--environment <ref>', 'only this environment')
    .option('--tenant <ref>', 'only this tenant')
    .addOption(new Option('--status <status>', 'only deployments in this state').choices(STATUSES))
    .option('--limit <n>', 'how many', '20')
    .action(
      action<ListArgs>(io, setExitCode, async (context, args) => {
        const { limit, ...filters } = args;
        const page = dataOf(
          await context.client.api.GET('/api/deployments', {
            params: {
              query: { ...filters, status: filters.status as Status, limit: Number(limit) },
            },
          }),
        );
        context.out.table(DEPLOYMENT_HEADERS, page.items.map(deploymentRow));
        context.out.result(page);
        return ExitCode.ok;
      }),
    );
  return deployments;
}

/** `gantry cancel <id>`: stops a queued or running deployment. */
export function cancelCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('cancel')
    .description(
      'cancel a queued, running or waiting deployment (a stack update in progress rolls back)',
    )
    .argument('<deployment-id>', 'the deployment')
    .option('--wait', 'follow the deployment until it has ended')
    .option('--timeout <duration>', 'with --wait: give up after this long (e.g. 30m)')
    .action(
      action<WaitArgs>(io, setExitCode, async (context, args, [id]) => {
        if (args.timeout) parseDuration(args.timeout);
        const deployment = dataOf(
          await context.client.api.POST('/api/deployments/{id}/cancel', {
            params: { path: { id } },
          }),
        );
        context.out.line(`cancel requested for deployment ${deployment.id} (${deployment.status})`);
        return reportStarted(context, [deployment], args);
      }),
    );
}

type RollbackArgs = WaitArgs & { project: string; to: string; tenant: string[] };

/**
 * `gantry rollback --project p --to env`: deploys again, per tenant (or untenanted), the release
 * that succeeded there before the one that is live.
 */
export function rollbackCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('rollback')
    .description('redeploy the release that succeeded in an environment before the live one')
    .requiredOption('--project <ref>', 'project slug or id')
    .requiredOption('--to <environment>', 'the environment to roll back')
    .option(
      '--tenant <ref>',
      'only this tenant, repeatable (default: the untenanted deployment)',
      collect,
      [],
    )
    .option('--wait', 'follow the deployments until they end')
    .option('--timeout <duration>', 'with --wait: give up after this long (e.g. 30m)')
    .action(
      action<RollbackArgs>(io, setExitCode, async (context, args) => {
        if (args.timeout) parseDuration(args.timeout);
        const succeeded = dataOf(
          await context.client.api.GET('/api/deployments', {
            params: {
              query: {
                project: args.project,
                environment: args.to,
                status: 'succeeded',
                limit: 500,
              },
            },
          }),
        );
        const plans = previousGoodReleases(succeeded.items, args.tenant);
        const started: Deployment[] = [];
        for (const plan of plans) {
          const { items } = dataOf(
            await context.client.api.POST('/api/releases/{id}/deployments', {
              params: { path: { id: plan.release.id } },
              body: { environment: args.to, ...(plan.tenant ? { tenants: [plan.tenant] } : {}) },
            }),
          );
          context.out.line(
            `rolling back ${args.project} in ${args.to}${plan.tenant ? ` for ${plan.tenant}` : ''}: ${plan.live} → ${plan.release.version}`,
          );
          started.push(...items);
        }
        return reportStarted(context, started, args);
      }),
    );
}
