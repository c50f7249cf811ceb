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
    return `${variable} ${describe(issue.message, env[variable])}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

function describe(message: string, value: string | undefined): string {
  const shown =
    value === undefined
      ? ''
      : ` (got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `${message.replace(/^Invalid (input|option): /, '')}${shown}`;
}
