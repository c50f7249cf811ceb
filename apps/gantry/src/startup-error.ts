import { ConfigError, GantryConfig } from '@gantry/config';

/**
 * One line that says why Gantry could not start, naming the setting to change where there is
 * one. Never a stack trace, never a configuration value (it may be a secret).
 */
export function startupErrorLine(
  error: unknown,
  config?: Pick<GantryConfig, 'PORT' | 'SANDBOX_PORT'>,
): string {
  if (error instanceof ConfigError) return error.message;
  const failure = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (failure?.code === 'EADDRINUSE') {
    const setting =
      config && failure.port === config.SANDBOX_PORT && failure.port !== config.PORT
        ? 'SANDBOX_PORT'
        : 'PORT';
    return `Gantry failed to start: port ${failure.port} on ${failure.address} is already in use; stop what uses it or set ${setting}`;
  }
  const message = failure instanceof Error ? failure.message : String(error);
  return `Gantry failed to start: ${message.replace(/\s*\n\s*/g, ' ')}`;
}
