import { Command } from 'commander';
import { dataOf, GantryClient } from '../client';
import { action, collect } from '../command-context';
import { Dashboard, dashboardTable, onlyProject } from '../dashboard-table';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';
import { WaitingApproval, waitingApproval, waitingCells } from '../waiting-approvals';

interface StatusOptions {
  project?: string;
  environment?: string;
  tenantTag: string[];
}

/** Projects asked for per dashboard page. */
const PAGE = 500;

/** `gantry status`: the dashboard as a table, and what waits for approval with who may decide. */
export function statusCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('status')
    .description('show which release is where: projects by environments')
    .option('--project <ref>', 'only this project (slug or id)')
    .option('--environment <ref>', 'only this environment (slug or id)')
    .option(
      '--tenant-tag <tag>',
      'count only tenants with this tag (group/value), repeatable',
      collect,
      [],
    )
    .action(
      action<StatusOptions>(io, setExitCode, async (context, args) => {
        const [dashboard, waiting] = await Promise.all([
          wholeDashboard(context.client, args),
          waitingApprovals(context.client, args),
        ]);
        const table = dashboardTable(dashboard, args.project, waitingCells(waiting));
        context.out.table(table.headers, table.rows);
        context.out.result({ ...onlyProject(dashboard, args.project), waiting });
        return ExitCode.ok;
      }),
    );
}

/** Every page of the dashboard, narrowed on the server by the options. */
async function wholeDashboard(client: GantryClient, args: StatusOptions): Promise<Dashboard> {
  const page = async (offset: number) =>
    dataOf(
      await client.api.GET('/api/dashboard', {
        params: {
          query: {
            project: args.project,
            environment: args.environment,
            tenantTag: args.tenantTag.length ? args.tenantTag : undefined,
            limit: PAGE,
            offset,
          },
        },
      }),
    );
  const first = await page(0);
  const projects = [...first.projects];
  while (projects.length < first.total) {
    const next = await page(projects.length);
    if (next.projects.length === 0) break;
    projects.push(...next.projects);
  }
  return { ...first, projects };
}

/**
 * Every deployment waiting for a manual intervention decision (`GET /api/deployments?status=
 * waiting`, following the cursor), narrowed like the dashboard by project and environment.
 */
async function waitingApprovals(
  client: GantryClient,
  args: StatusOptions,
): Promise<WaitingApproval[]> {
  const waiting: WaitingApproval[] = [];
  let after: string | undefined;
  do {
    const page = dataOf(
      await client.api.GET('/api/deployments', {
        params: {
          query: {
            status: 'waiting',
            project: args.project,
            environment: args.environment,
            limit: PAGE,
            count: false,
            after,
          },
        },
      }),
    );
    waiting.push(...page.items.map(waitingApproval));
    after = page.next ?? undefined;
  } while (after);
  return waiting;
}
