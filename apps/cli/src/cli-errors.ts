/** A field the server (or the CLI's own check of a file) refused, with its dotted path. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The problem+json body of a refused request. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Bad arguments or a bad input file, found before anything was sent. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The server answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** No answer at all: connection refused, DNS failure, request timed out. */
export class UnreachableError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
  ) {
    super(`cannot reach the Gantry server at ${server}: ${reason}`);
    this.name = 'UnreachableError';
  }
}

/** `--timeout` ran out while following deployments. */
export class WaitTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for deployments to end`);
    this.name = 'WaitTimeoutError';
  }
}
