import { Command } from 'commander';
import { action } from '../command-context';
import { dataOf } from '../client';
import { formatLogLine } from '../deployments/deployment-format';
import type { LogLine } from '../deployments/deployment.types';
import { detailLines, followDeployments } from '../deployments/follow-deployments';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

/** `gantry log <id> [--follow]`. */
export function logCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('log')
    .description("print a deployment's log")
    .argument('<deployment-id>', 'the deployment')
    .option(
      '--follow',
      'keep printing new lines until the deployment ends; exit 1 unless it succeeded',
    )
    .action(
      action<{ follow?: boolean }>(io, setExitCode, async (context, args, [id]) => {
        const { api } = context.client;
        const deployment = dataOf(
          await api.GET('/api/deployments/{id}', { params: { path: { id } } }),
        );
        if (args.follow) return followDeployments(context, [deployment]);
        const lines: LogLine[] = [];
        for (;;) {
          const after = lines.length ? lines[lines.length - 1].seq : 0;
          const { items } = dataOf(
            await api.GET('/api/deployments/{id}/log', {
              params: { path: { id }, query: { after } },
            }),
          );
          if (!items.length) break;
          lines.push(...items);
        }
        for (const line of lines) context.out.line(formatLogLine(deployment, line));
        if (context.verbose) for (const line of detailLines(deployment)) context.out.line(line);
        context.out.result({ deployment, items: lines });
        return ExitCode.ok;
      }),
    );
}
