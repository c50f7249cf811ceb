import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@gantry/config';
import { ApiModule } from '../api.module';
import { apiSchemaComponents } from '../http/api-schemas';
import { problemResponseObject } from '../http/openapi';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** The OpenAPI document of the API's routes, with every response schema as a named component. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gantry API')
      .setDescription(
        'Environment promotion for Amazon ECS. Every route under /api needs an API key ' +
          '(`Authorization: Bearer <key>`). Errors are application/problem+json.',
      )
      .setVersion('1')
      // 3.1: schemas are JSON Schema 2020-12, as zod writes them (`type: 'null'`, not `nullable`).
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'A Gantry API key (POST /api/api-keys, or GANTRY_BOOTSTRAP_API_KEY)',
      })
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...apiSchemaComponents() },
  };
  addKeyProblems(document);
  return document;
}

/**
 * The same document without a database, Redis or a listening server: Nest's preview mode
 * registers the controllers and instantiates no provider. For `npm run api:generate`.
 */
export async function buildStandaloneOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig({}), Buffer.alloc(32)), {
    preview: true,
    logger: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * Every operation that takes an API key can answer 401, 429 after repeated failures, and 503 while
 * PostgreSQL or Redis is unreachable (the key itself is looked up in PostgreSQL).
 */
function addKeyProblems(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method];
      if (!operation?.security?.length) continue;
      operation.responses = {
        ...operation.responses,
        401: problemResponseObject(401),
        429: problemResponseObject(429),
        503: problemResponseObject(503),
      };
    }
  }
}
