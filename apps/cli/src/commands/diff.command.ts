import { Command } from 'commander';
import { action } from '../command-context';
import { dataOf, Schema } from '../client';
import { findRelease } from '../deployments/find-release';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

interface DiffArgs {
  project: string;
  release: string;
  to: string;
  tenant?: string;
  target?: string;
}

type ReleaseDiff = Schema<'ReleaseDiff'>;

/** `gantry diff`: what deploying a release would change, from a change set, before deploying. */
export function diffCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('diff')
    .description(
      'show what deploying a release to an environment would change (nothing is deployed)',
    )
    .requiredOption('--project <ref>', 'project slug or id')
    .requiredOption('--release <version>', 'release version (or id)')
    .requiredOption('--to <environment>', 'environment slug or id')
    .option('--tenant <ref>', 'tenant slug or id (tenanted projects)')
    .option('--target <ref>', 'target slug or id (when several match)')
    .action(
      action<DiffArgs>(io, setExitCode, async (context, args) => {
        const release = await findRelease(context.client, args.project, args.release);
        const diff = dataOf(
          await context.client.api.POST('/api/releases/{id}/diff', {
            params: {
              path: { id: release.id },
              query: { environment: args.to, tenant: args.tenant, target: args.target },
            },
          }),
        );
        for (const line of diffLines(diff, args)) context.out.line(line);
        context.out.result(diff);
        return ExitCode.ok;
      }),
    );
}

/** The diff as people read it: one line per resource, one indented line per changed value. */
export function diffLines(
  diff: ReleaseDiff,
  args: { project: string; to: string; tenant?: string },
): string[] {
  const where = `${args.project} ${diff.release.version} → ${args.to}${args.tenant ? ` for ${args.tenant}` : ''}`;
  const head = `${where} (target ${diff.target.slug ?? diff.target.id}, stack ${diff.stackName}${diff.stackExists ? '' : ', not created yet'})`;
  if (!diff.changes.length) return [head, 'no changes'];
  return [
    head,
    ...diff.changes.flatMap((change) => [
      `${change.action} ${change.logicalId} (${change.resourceType})${change.replacement === 'True' ? ', replaced' : ''}`,
      ...change.properties.map((property) => `  ${property.path}: ${valueChange(property)}`),
    ]),
  ];
}

function valueChange(property: { change: string; before?: string; after?: string }): string {
  if (property.change === 'Add') return `+ ${property.after ?? ''}`;
  if (property.change === 'Remove') return `- ${property.before ?? ''}`;
  if (property.before === undefined && property.after === undefined) return 'changed';
  return `${property.before ?? ''} → ${property.after ?? ''}`;
}
