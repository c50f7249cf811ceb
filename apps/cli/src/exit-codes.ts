import { ApiError, UnreachableError, UsageError, WaitTimeoutError } from './cli-errors';

/** The documented exit codes of `gantry` (docs/cli.md). */
export const ExitCode = {
  ok: 0,
  deploymentFailed: 1,
  usage: 2,
  timeout: 3,
  unavailable: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The exit code for an HTTP error status. 401, 403 and 429 (slowed down after failed
 * authentications) are all "the key does not get you in" — fixed by changing the key, not the
 * input — so they share 4 with an unreachable server; 5xx also means the server could not serve.
 * Every other 4xx is input the server refused: 2.
 */
export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403 || status === 429 || status >= 500)
    return ExitCode.unavailable;
  return ExitCode.usage;
}

/** The exit code for anything a command threw. Unknown errors are treated as bad usage. */
export function exitCodeForError(error: unknown): ExitCodeValue {
  if (error instanceof ApiError) return exitCodeForStatus(error.status);
  if (error instanceof UnreachableError) return ExitCode.unavailable;
  if (error instanceof WaitTimeoutError) return ExitCode.timeout;
  if (error instanceof UsageError) return ExitCode.usage;
  return ExitCode.usage;
}

/** The exit code once deployments have ended: 0 only when every one succeeded. */
export function exitCodeForStatuses(statuses: string[]): ExitCodeValue {
  return statuses.every((status) => status === 'succeeded')
    ? ExitCode.ok
    : ExitCode.deploymentFailed;
}
