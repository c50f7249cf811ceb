/**
 * Recognises an error that means a service Gantry depends on (PostgreSQL, Redis) cannot be
 * reached right now, as opposed to a bug or a refused request. Such errors call for waiting and
 * retrying, never for failing a deployment or answering 500.
 */
export type Dependency = 'PostgreSQL' | 'Redis' | 'a dependency';

/** host:port of each dependency, to name the one a bare socket error came from. */
export type DependencyEndpoints = Partial<Record<Exclude<Dependency, 'a dependency'>, string>>;

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

const REDIS_MESSAGES = [
  /max retries per request limit/i,
  /^Connection is closed\.?$/,
  /Stream isn't writeable/,
  /enableOfflineQueue/,
  /^Redis is unavailable/,
];

const POSTGRES_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /connection error and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode)/,
  /terminating connection due to administrator command/,
];

// SQLSTATE class 08 (connection exception), 57P01-03 (shutdown, cannot connect now), 53300 (too many connections).
const POSTGRES_STATES = /^(08...|57P0[1-3]|53300)$/;

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  address?: unknown;
  port?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

export function unavailableDependency(
  error: unknown,
  endpoints: DependencyEndpoints = {},
): Dependency | null {
  if (!error || typeof error !== 'object') return null;
  const shape = error as ErrorShape;
  const message = typeof shape.message === 'string' ? shape.message : '';
  const code = typeof shape.code === 'string' ? shape.code : '';
  if (shape.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((re) => re.test(message)))
    return 'Redis';
  if (POSTGRES_STATES.test(code) || POSTGRES_MESSAGES.some((re) => re.test(message)))
    return 'PostgreSQL';
  if (SOCKET_CODES.has(code)) return endpointOf(shape, endpoints);
  // TypeORM's QueryFailedError carries the driver's error; pg's AggregateError, several.
  if (shape.driverError) return unavailableDependency(shape.driverError, endpoints);
  if (Array.isArray(shape.errors) && shape.errors.length)
    return unavailableDependency(shape.errors[0], endpoints);
  return null;
}

function endpointOf(shape: ErrorShape, endpoints: DependencyEndpoints): Dependency {
  const port = shape.port === undefined ? undefined : String(shape.port);
  for (const [dependency, endpoint] of Object.entries(endpoints)) {
    if (port && endpoint.endsWith(`:${port}`)) return dependency as Dependency;
  }
  return 'a dependency';
}
