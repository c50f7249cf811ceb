import type { CommandContext } from '../command-context';
import { parseDuration } from '../duration';
import { ExitCode } from '../exit-codes';
import { DEPLOYMENT_HEADERS, deploymentRow } from './deployment-format';
import type { Deployment } from './deployment.types';
import { followDeployments } from './follow-deployments';

export interface WaitArgs {
  wait?: boolean;
  timeout?: string;
}

/** After starting deployments: follow them with `--wait`, or list them and return at once. */
export async function reportStarted(
  context: CommandContext,
  deployments: Deployment[],
  args: WaitArgs,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const timeoutMs = args.timeout === undefined ? undefined : parseDuration(args.timeout);
  if (args.wait) {
    context.out.line(`following ${deployments.length} deployment(s)…`);
    return followDeployments(context, deployments, timeoutMs);
  }
  context.out.table(DEPLOYMENT_HEADERS, deployments.map(deploymentRow));
  context.out.result({ ...extra, deployments });
  return ExitCode.ok;
}
