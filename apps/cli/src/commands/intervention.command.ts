import { Command } from 'commander';
import { action } from '../command-context';
import { dataOf } from '../client';
import { UsageError } from '../cli-errors';
import { pendingIntervention } from '../deployments/interventions';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

interface DecideArgs {
  deployment: string;
  step?: string;
  note?: string;
}

/** `gantry approve|reject --deployment <id> [--step <slug>] [--note <text>]`. */
function decisionCommand(
  decision: 'approve' | 'reject',
  io: CliIo,
  setExitCode: (code: number) => void,
): Command {
  const what = decision === 'approve' ? 'approve' : 'reject';
  return new Command(decision)
    .description(
      `${what} the manual intervention a deployment waits on${decision === 'reject' ? ' (the deployment fails)' : ' (the deployment continues)'}`,
    )
    .requiredOption('--deployment <id>', 'the waiting deployment')
    .option('--step <slug>', 'the intervention step (default: the one it waits on)')
    .option('--note <text>', 'why; kept with the decision and in the log')
    .action(
      action<DecideArgs>(io, setExitCode, async (context, args) => {
        const { api } = context.client;
        let step = args.step;
        if (!step) {
          const deployment = dataOf(
            await api.GET('/api/deployments/{id}', {
              params: { path: { id: args.deployment } },
            }),
          );
          const pending = pendingIntervention(deployment);
          if (!pending)
            throw new UsageError(
              `deployment ${deployment.id} is not waiting for a decision (it is ${deployment.status})`,
            );
          step = pending.step;
        }
        const decided = dataOf(
          await api.POST('/api/deployments/{id}/interventions/{step}', {
            params: { path: { id: args.deployment, step } },
            body: { decision, ...(args.note ? { note: args.note } : {}) },
          }),
        );
        context.out.line(
          `${decision === 'approve' ? 'approved' : 'rejected'} step '${step}' of deployment ${decided.id}: it is ${decided.status}${decided.error ? ` (${decided.error})` : ''}`,
        );
        context.out.result(decided);
        return ExitCode.ok;
      }),
    );
}

export const approveCommand = (io: CliIo, setExitCode: (code: number) => void) =>
  decisionCommand('approve', io, setExitCode);
export const rejectCommand = (io: CliIo, setExitCode: (code: number) => void) =>
  decisionCommand('reject', io, setExitCode);
