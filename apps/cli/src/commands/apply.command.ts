import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parseApplyFile } from '../apply/apply-file';
import { ApplyResult, applyFile, formatApplyResult } from '../apply/apply-runner';
import { action, reportError } from '../command-context';
import { UsageError } from '../cli-errors';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../output';

/** `gantry apply -f gantry.yaml`. */
export function applyCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('apply')
    .description(
      'create or update environments, lifecycles, projects, channels, variables, tenants and targets from a YAML file',
    )
    .requiredOption('-f, --file <path>', 'the YAML file ("-" reads stdin)')
    .option('--force-secrets', 'send every secret in the file, even for items that otherwise match')
    .action(
      action<{ file: string; forceSecrets?: boolean }>(io, setExitCode, async (context, args) => {
        const file = parseApplyFile(await readText(args.file));
        const results: ApplyResult[] = [];
        try {
          await applyFile(
            context.client,
            file,
            { forceSecrets: args.forceSecrets === true },
            (result) => {
              results.push(result);
              context.out.line(formatApplyResult(result));
            },
          );
        } catch (error) {
          // What was applied before the failure stays applied; say so in the JSON too.
          return reportError(error, context.out, { results });
        }
        context.out.result({ results });
        return ExitCode.ok;
      }),
    );
}

async function readText(path: string): Promise<string> {
  try {
    return path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
