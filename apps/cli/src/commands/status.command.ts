import { Command } from 'commander';
import { GantryClient, withQuery } from '../client';
import { action, collect } from '../command-context';
import { Dashboard, dashboardTable, onlyProject } from '../dashboard-table';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

interface StatusOptions {
  project?: string;
  environment?: string;
  tenantTag: string[];
}

/** Projects asked for per dashboard page. */
const PAGE = 500;

/** `gantry status`: the dashboard as a table. */
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
        const dashboard = await wholeDashboard(context.client, args);
        const table = dashboardTable(dashboard, args.project);
        context.out.table(table.headers, table.rows);
        context.out.result(onlyProject(dashboard, args.project));
        return ExitCode.ok;
      }),
    );
}

/** Every page of the dashboard, narrowed on the server by the options. */
async function wholeDashboard(client: GantryClient, args: StatusOptions): Promise<Dashboard> {
  const tags = new URLSearchParams(
    args.tenantTag.map((tag): [string, string] => ['tenantTag', tag]),
  ).toString();
  const path = tags ? `/api/dashboard?${tags}` : '/api/dashboard';
  const query = { project: args.project, environment: args.environment, limit: PAGE };
  const first = await client.get<Dashboard>(withQuery(path, { ...query, offset: 0 }));
  const projects = [...first.projects];
  while (first.total !== undefined && projects.length < first.total) {
    const page = await client.get<Dashboard>(
      withQuery(path, { ...query, offset: projects.length }),
    );
    if (page.projects.length === 0) break;
    projects.push(...page.projects);
  }
  return { ...first, projects };
}
