import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { GantryConfig } from '@gantry/config';
import { ApiModule } from './api.module';
import { builtConsoleDirectory } from './console/console-files';
import { serveConsole } from './console/serve-console';
import { useJsonBodies } from './http/body-parsing';
import { compressResponses } from './http/compress-responses';
import { ProblemFilter } from './http/problem.filter';
import { mountOpenApi } from './openapi/mount-openapi';
import { buildOpenApiDocument } from './openapi/openapi-document';

/**
 * Builds the HTTP application (not yet listening): used by the entry point (apps/gantry), which
 * owns the process signals, and by the e2e tests.
 */
export async function createApiApp(
  config: GantryConfig,
  masterKey: Buffer,
  options: { consoleDir?: string | null } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config, masterKey),
    // A start-up failure reaches the entry point, which prints it in one line (not an abort).
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.set('trust proxy', config.TRUST_PROXY);
  app.useLogger(app.get(Logger));
  compressResponses(app);
  useJsonBodies(app);
  app.useGlobalFilters(
    new ProblemFilter({
      PostgreSQL: endpoint(config.DATABASE_URL, 5432),
      Redis: endpoint(config.REDIS_URL, 6379),
    }),
  );
  mountOpenApi(app, buildOpenApiDocument(app));
  serveConsole(
    app,
    options.consoleDir === undefined ? builtConsoleDirectory() : options.consoleDir,
  );
  return app;
}

function endpoint(url: string, defaultPort: number): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || defaultPort}`;
}
