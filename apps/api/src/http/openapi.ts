import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { problemSchema, schemaRef } from './api-schemas';

/** Error statuses an operation documents beyond those every keyed route can answer. */
export type ProblemStatus = 400 | 403 | 404 | 409 | 422 | 502;

/** Statuses every operation that takes an API key can answer. */
type KeyedRouteStatus = 401 | 429 | 503;

const PROBLEM_MEANING: Record<ProblemStatus | KeyedRouteStatus, string> = {
  400: 'Malformed or invalid input; `errors` lists every invalid field',
  401: 'No API key, or an unknown or revoked one',
  403: 'The API key lacks the permission or the scope this needs',
  404: 'An unknown reference',
  409: 'A conflict with the current state (duplicate, in use, lifecycle, stack busy)',
  422: 'A rule of Gantry refused it (channel rule, Fargate size, variables, targets)',
  429: 'Too many failed authentications from this address; see Retry-After',
  502: 'AWS did not answer',
  503: 'PostgreSQL or Redis is unreachable; retry after Retry-After',
};

export interface EndpointDoc {
  summary: string;
  description?: string;
  /** The success status: 200 unless given; 204 has no body. */
  status?: 200 | 201 | 202 | 204;
  /** A schema registered with apiSchema(), or a literal OpenAPI content map. */
  response?: z.ZodType | { content: Record<string, { schema: Record<string, unknown> }> };
  responseDescription?: string;
  errors?: ProblemStatus[];
}

/** Documents an operation: summary, success response and its problem+json errors. */
export function ApiEndpoint(doc: EndpointDoc): MethodDecorator {
  const status = doc.status ?? 200;
  const success =
    doc.response === undefined
      ? ApiResponse({ status, description: doc.responseDescription ?? 'No content' })
      : doc.response instanceof z.ZodType
        ? ApiResponse({
            status,
            description: doc.responseDescription ?? 'Success',
            content: { 'application/json': { schema: schemaRef(doc.response) } },
          })
        : ApiResponse({
            status,
            description: doc.responseDescription ?? 'Success',
            content: doc.response.content,
          });
  return applyDecorators(
    ApiOperation({ summary: doc.summary, description: doc.description }),
    success,
    ...(doc.errors ?? []).map((error) => problemResponse(error)),
  );
}

/** A problem+json response, for the statuses every keyed route shares (added to the document). */
export function problemResponseObject(status: ProblemStatus | KeyedRouteStatus) {
  return {
    description: PROBLEM_MEANING[status],
    content: { 'application/problem+json': { schema: schemaRef(problemSchema) } },
  };
}

function problemResponse(status: ProblemStatus): MethodDecorator {
  return ApiResponse({ status, ...problemResponseObject(status) });
}

/** The JSON Schema of a zod schema, as the OpenAPI document shows it. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}

/** Documents a zod-validated body in the OpenAPI document. */
export function ApiJsonBody(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiBody({ schema: jsonSchemaOf(schema) as never, description });
}

/** Documents the list parameters every collection accepts. */
export function ApiPaged(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    }),
    ApiQuery({
      name: 'offset',
      required: false,
      schema: { type: 'integer', minimum: 0, default: 0 },
    }),
  );
}

/** Documents every parameter of a zod-validated query (for routes beyond the plain list parameters). */
export function ApiQueryOf(schema: z.ZodType): MethodDecorator {
  const json = jsonSchemaOf(schema) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: json.required?.includes(name) === true && !('default' in property),
        schema: property as never,
      }),
    ),
  );
}
