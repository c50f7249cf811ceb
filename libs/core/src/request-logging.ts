import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { GantryConfig, loggerOptions } from '@gantry/config';

type RoutedRequest = IncomingMessage & { route?: { path?: string }; originalUrl?: string };

const pathOf = (request: IncomingMessage) => (request as RoutedRequest).originalUrl?.split('?')[0];

/**
 * The logger of every process, with one line per HTTP request when it serves any: method,
 * route, status, duration. Headers and bodies are never logged.
 */
export function processLoggerOptions(config: GantryConfig): Options {
  return {
    ...loggerOptions(config),
    quietReqLogger: true,
    serializers: { req: () => undefined, res: () => undefined },
    // Added once the response is known (customProps would also run at the start).
    customSuccessObject: (request: IncomingMessage, response: ServerResponse, fields: object) => ({
      ...fields,
      method: request.method,
      route: (request as RoutedRequest).route?.path ?? pathOf(request),
      status: response.statusCode,
    }),
    customSuccessMessage: (request: IncomingMessage, response: ServerResponse, took: number) =>
      `${request.method} ${pathOf(request)} ${response.statusCode} ${Math.round(took)}ms`,
    customErrorMessage: (request: IncomingMessage, response: ServerResponse) =>
      `${request.method} ${pathOf(request)} ${response.statusCode}`,
    customAttributeKeys: { responseTime: 'durationMs' },
    autoLogging: {
      ignore: (request: IncomingMessage) => request.url?.startsWith('/health/') ?? false,
    },
  };
}
