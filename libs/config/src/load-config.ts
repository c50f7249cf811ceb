import { configSchema, GantryConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration. Empty strings count as unset, so `PORT=` falls back to
 * the default. Throws a ConfigError whose message names every bad variable and what is wrong.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GantryConfig {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0]);
    return `${variable} ${describe(issue.message, variable, env[variable])}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** Secrets: a refusal names the variable and says what is wrong, never shows the value. */
const SECRET_VARIABLES = new Set(['GANTRY_MASTER_KEY', 'GANTRY_BOOTSTRAP_API_KEY']);
/** URLs that may carry a password: shown without their user information. */
const URL_VARIABLES = new Set(['DATABASE_URL', 'REDIS_URL', 'SANDBOX_URL']);

function describe(message: string, variable: string, value: string | undefined): string {
  const reason = message.replace(/^Invalid (input|option): /, '');
  if (value === undefined || SECRET_VARIABLES.has(variable)) return reason;
  const shown = URL_VARIABLES.has(variable) ? withoutUserInfo(value) : value;
  return `${reason} (got ${JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown)})`;
}

/** `scheme://user:password@host/…` as `scheme://…@host/…`, however malformed the rest is. */
function withoutUserInfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at === -1) return value;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value)?.[0] ?? '';
  return `${scheme}…@${value.slice(at + 1)}`;
}
