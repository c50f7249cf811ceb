import type { Command } from 'commander';
import { GantryClient } from './client';
import { ApiError, UsageError } from './cli-errors';
import { exitCodeForError } from './exit-codes';
import { CliIo, Output, OutputFormat } from './output';

export const DEFAULT_SERVER = 'http://localhost:3000';
const DEFAULT_POLL_MS = 1000;
const DEFAULT_PROGRESS_MS = 15_000;

/** What every command gets: the API client, the output, and how often to poll. */
export interface CommandContext {
  client: GantryClient;
  out: Output;
  pollIntervalMs: number;
  /** `--wait`: a running deployment that printed nothing for this long gets a progress line. */
  progressIntervalMs: number;
  /** `--verbose`: a failed deployment's details, not only its one-line error. */
  verbose: boolean;
}

interface GlobalOptions {
  server?: string;
  apiKey?: string;
  output?: OutputFormat;
  quiet?: boolean;
  verbose?: boolean;
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
    const out = new Output(io, globals.output ?? 'text', globals.quiet === true);
    const apiKey = globals.apiKey ?? io.env.GANTRY_API_KEY;
    try {
      const client = new GantryClient({
        server: globals.server ?? io.env.GANTRY_SERVER ?? DEFAULT_SERVER,
        apiKey,
      });
      const context = {
        client,
        out,
        pollIntervalMs: pollInterval(io.env.GANTRY_POLL_INTERVAL_MS),
        progressIntervalMs: pollInterval(io.env.GANTRY_PROGRESS_INTERVAL_MS, DEFAULT_PROGRESS_MS),
        verbose: globals.verbose === true,
      };
      setExitCode(await handler(context, command.opts() as O, args.slice(0, -2).map(String)));
    } catch (error) {
      setExitCode(reportError(error, out, {}, { apiKeyGiven: Boolean(apiKey) }));
    }
  };
}

function pollInterval(value: string | undefined, fallback = DEFAULT_POLL_MS): number {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms > 0 ? ms : fallback;
}

/** Prints an error (the server's problem detail and each `errors[]` entry) and returns its exit code. */
export function reportError(
  error: unknown,
  out: Output,
  extra: Record<string, unknown> = {},
  hints: ErrorHints = {},
): number {
  const code = exitCodeForError(error);
  for (const line of describeError(error, hints)) out.error(line);
  out.result({ ...extra, error: errorJson(error), exitCode: code });
  return code;
}

/** What the CLI knows that the server does not, to say how to fix an error. */
export interface ErrorHints {
  /** False when neither --api-key nor GANTRY_API_KEY gave a key. */
  apiKeyGiven?: boolean;
}

/** The lines that explain an error to a person. */
export function describeError(error: unknown, hints: ErrorHints = {}): string[] {
  if (error instanceof ApiError) {
    const { title, detail, status, errors = [] } = error.problem;
    const head = [title, detail]
      .filter((part, index, parts) => part && parts.indexOf(part) === index)
      .map((part) => asCliOption(part as string))
      .join(': ');
    return [
      `error: ${error.method} ${error.path} refused with ${status}${head ? ` — ${head}` : ''}`,
      ...errors.map(
        (problem) =>
          `  ${problem.path === 'force' ? '--force' : problem.path}: ${asCliOption(problem.message)}`,
      ),
      ...(status === 401 && hints.apiKeyGiven === false ? [MISSING_KEY_HINT] : []),
    ];
  }
  if (error instanceof UsageError)
    return [
      `error: ${error.message}`,
      ...error.errors.map((problem) => `  ${problem.path}: ${problem.message}`),
    ];
  return [`error: ${error instanceof Error ? error.message : String(error)}`];
}

const MISSING_KEY_HINT =
  'No API key was given: set one with `export GANTRY_API_KEY=<key>` (or pass --api-key <key>). An admin creates keys with POST /api/api-keys; a server started with GANTRY_BOOTSTRAP_API_KEY accepts that key.';

/** The server speaks of the request body's `force` ("send "force": true"); on the command line it is `--force`. */
export function asCliOption(text: string): string {
  return text
    .replace(/\bsend\s+["'`]?force["'`]?\s*:\s*true\b/g, 'use --force')
    .replace(/["'`]force["'`](?:\s*:\s*true\b)?/g, '--force');
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
