import { Command, Option } from 'commander';
import { action } from '../command-context';
import { dataOf } from '../client';
import { findRelease } from '../deployments/find-release';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

type TemplateFormat = 'json' | 'yaml';

const format = () =>
  new Option('--format <format>', 'template format').choices(['json', 'yaml']).default('json');

interface TemplateArgs {
  project: string;
  release: string;
  environment: string;
  tenant?: string;
  target?: string;
  format: TemplateFormat;
}

/** `gantry template`: the exact CloudFormation template a deployment would send. */
export function templateCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('template')
    .description('print the CloudFormation template a deployment of a release would use')
    .requiredOption('--project <ref>', 'project slug or id')
    .requiredOption('--release <version>', 'release version (or id)')
    .requiredOption('--environment <ref>', 'environment slug or id')
    .option('--tenant <ref>', 'tenant slug or id (tenanted projects)')
    .option('--target <ref>', 'target slug or id (when several match)')
    .addOption(format())
    .action(
      action<TemplateArgs>(io, setExitCode, async (context, args) => {
        const release = await findRelease(context.client, args.project, args.release);
        const query = {
          environment: args.environment,
          tenant: args.tenant,
          target: args.target,
          format: args.format,
        };
        const template = await context.client.api.GET('/api/releases/{id}/template', {
          params: { path: { id: release.id }, query },
          parseAs: 'text',
        });
        context.out.raw(dataOf(template));
        return ExitCode.ok;
      }),
    );
}

/** `gantry export`: the step as a standalone, parameterised template. */
export function exportCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('export')
    .description(
      "print the project's step as a standalone CloudFormation template (no Gantry needed to deploy it)",
    )
    .requiredOption('--project <ref>', 'project slug or id')
    .addOption(format())
    .action(
      action<{ project: string; format: TemplateFormat }>(
        io,
        setExitCode,
        async (context, args) => {
          const template = await context.client.api.GET('/api/projects/{ref}/cloudformation', {
            params: { path: { ref: args.project }, query: { format: args.format } },
            parseAs: 'text',
          });
          context.out.raw(dataOf(template));
          return ExitCode.ok;
        },
      ),
    );
}
