import type { Command } from 'commander';
import { GantryClient } from './client';
import { ApiError, UsageError } from './cli-errors';
import { exitCodeForError } from './exit-codes';
import { CliIo, Output, OutputFormat } from './output';

export const DEFAULT_SERVER = 'http://localhost:3000';
const DEFAULT_POLL_MS = 1000;

/** What every command gets: the API client, the output, and how often to poll. */
export interface CommandContext {
  client: GantryClient;
  out: Output;
  pollIntervalMs: number;
}

interface GlobalOptions {
  server?: string;
  apiKey?: string;
  output?: OutputFormat;
}

export type Handler<O> = (context: CommandContext, options: O, args: string[]) => Promise<number>;

/**
 * Wraps a command's handler for commander: builds the context from the global options and the
 * environment, runs it, and turns what it returns or throws into the exit code.
 */
export function action<O>(io: CliIo, setExitCode: (code: number) => void, handler: Handler<O>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const globals = command.optsWithGlobals<GlobalOptions>();
    const out = new Output(io, globals.output === 'json' ? 'json' : 'text');
    try {
      const client = new GantryClient({
        server: globals.server ?? io.env.GANTRY_SERVER ?? DEFAULT_SERVER,
        apiKey: globals.apiKey ?? io.env.GANTRY_API_KEY,
      });
      const context = { client, out, pollIntervalMs: pollInterval(io.env.GANTRY_POLL_INTERVAL_MS) };
      setExitCode(await handler(context, command.opts() as O, args.slice(0, -2).map(String)));
    } catch (error) {
      setExitCode(reportError(error, out));
    }
  };
}

function pollInterval(value: string | undefined): number {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_POLL_MS;
}

/** Prints an error (the server's problem detail and each `errors[]` entry) and returns its exit code. */
export function reportError(
  error: unknown,
  out: Output,
  extra: Record<string, unknown> = {},
): number {
  const code = exitCodeForError(error);
  for (const line of describeError(error)) out.error(line);
  out.result({ ...extra, error: errorJson(error), exitCode: code });
  return code;
}

/** The lines that explain an error to a person. */
export function describeError(error: unknown): string[] {
  if (error instanceof ApiError) {
    const { title, detail, status, errors = [] } = error.problem;
    const head = [title, detail]
      .filter((part, index, parts) => part && parts.indexOf(part) === index)
      .join(': ');
    return [
      `error: ${error.method} ${error.path} refused with ${status}${head ? ` — ${head}` : ''}`,
      ...errors.map((problem) => `  ${problem.path}: ${problem.message}`),
    ];
  }
  if (error instanceof UsageError)
    return [
      `error: ${error.message}`,
      ...error.errors.map((problem) => `  ${problem.path}: ${problem.message}`),
    ];
  return [`error: ${error instanceof Error ? error.message : String(error)}`];
}

function errorJson(error: unknown): unknown {
  if (error instanceof ApiError) return error.problem;
  if (error instanceof UsageError) return { detail: error.message, errors: error.errors };
  return { detail: error instanceof Error ? error.message : String(error) };
}

/** Commander's collector for repeatable options (`--tenant a --tenant b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
