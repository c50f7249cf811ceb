import { Command, CommanderError, Option } from 'commander';
import { applyCommand } from './commands/apply.command';
import { deployCommand } from './commands/deploy.command';
import { diffCommand } from './commands/diff.command';
import { approveCommand, rejectCommand } from './commands/intervention.command';
import { cancelCommand, deploymentsCommand, rollbackCommand } from './commands/deployments.command';
import { logCommand } from './commands/log.command';
import { promoteCommand } from './commands/promote.command';
import { releaseCommand } from './commands/release.command';
import { statusCommand } from './commands/status.command';
import { exportCommand, templateCommand } from './commands/template.command';
import { cliVersion } from './cli-version';
import { DEFAULT_SERVER } from './command-context';
import { ExitCode } from './exit-codes';
import type { CliIo } from './output';

export type { CliIo } from './output';

/**
 * Runs `gantry` with these arguments (without `node` and the script) and returns the exit code.
 * Never calls process.exit, so tests run it in-process.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  // Commander's .version() would claim --version anywhere, even `release create --version 1.2.0`.
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout.write(`${cliVersion()}\n`);
    return ExitCode.ok;
  }
  let exitCode: number = ExitCode.ok;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command('gantry')
    .description('Gantry: releases, environments and promotion for Amazon ECS')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run gantry --help for usage)')
    .option('--server <url>', `Gantry server (env GANTRY_SERVER, default ${DEFAULT_SERVER})`)
    .option('--api-key <key>', 'API key (env GANTRY_API_KEY)')
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['text', 'json', 'yaml'])
        .default('text'),
    )
    .option('-q, --quiet', 'no progress or log lines: only results and errors')
    .option(
      '-v, --verbose',
      "a failed deployment's details (stopped tasks, exit codes, service events)",
    )
    .addHelpText('after', `\n'gantry --version' (or -V) prints the version of gantry.`);
  for (const command of [
    releaseCommand,
    deployCommand,
    diffCommand,
    promoteCommand,
    rollbackCommand,
    cancelCommand,
    approveCommand,
    rejectCommand,
    deploymentsCommand,
    statusCommand,
    logCommand,
    templateCommand,
    exportCommand,
    applyCommand,
  ]) {
    program.addCommand(command(io, setExitCode));
  }
  inheritSettings(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help ends in a CommanderError too, with exit code 0.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  return exitCode;
}

/** addCommand() does not copy exit and output settings, so commands would call process.exit. */
function inheritSettings(parent: Command): void {
  for (const child of parent.commands) {
    child.copyInheritedSettings(parent);
    inheritSettings(child);
  }
}

/** Loaded as the program (directly, or through bin/gantry.js) rather than imported by a test. */
function isProgram(): boolean {
  const entry = require.main?.filename ?? '';
  return require.main === module || /[\\/]bin[\\/]gantry\.js$/.test(entry);
}

if (isProgram()) {
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(
        `gantry: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(ExitCode.usage);
    },
  );
}
