import { Command } from 'commander';
import { action } from '../command-context';
import { Dashboard, dashboardTable, onlyProject } from '../dashboard-table';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

/** `gantry status`: the dashboard as a table. */
export function statusCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('status')
    .description('show which release is where: projects by environments')
    .option('--project <ref>', 'only this project (slug or id)')
    .action(
      action<{ project?: string }>(io, setExitCode, async (context, args) => {
        const dashboard = await context.client.get<Dashboard>('/api/dashboard');
        const table = dashboardTable(dashboard, args.project);
        context.out.table(table.headers, table.rows);
        context.out.result(onlyProject(dashboard, args.project));
        return ExitCode.ok;
      }),
    );
}
