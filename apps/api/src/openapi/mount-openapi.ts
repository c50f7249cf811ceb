import type { INestApplication } from '@nestjs/common';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Serves the document at /api/openapi.json and /api/openapi.yaml, and Swagger UI at /api/docs. */
export function mountOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    ui: false,
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
  SwaggerModule.setup('api/docs', app, forSwaggerUiInitScript(document), {
    raw: false,
    customSiteTitle: 'Gantry API',
  });
}

/**
 * The document as Swagger UI's init script must receive it. @nestjs/swagger (11.x) pastes the
 * serialised document into swagger-ui-init.js with `String.prototype.replace` and a string
 * replacement, so every `$'`, `` $` ``, `$&` or `$$` in the document is a replacement pattern:
 * `$'` (as in a description quoting the pattern '^$') pastes the rest of the script into the
 * middle of a string, and the browser stops at a SyntaxError with a blank page. A `$$` pattern
 * becomes one `$`, so doubling every `$` of every key and string makes the script carry the
 * document exactly. Only the init script gets this copy; /api/openapi.json serves the original.
 */
export function forSwaggerUiInitScript<T>(document: T): T {
  return escapeDollars(document) as T;
}

function escapeDollars(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('$', () => '$$');
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [escapeDollars(key), escapeDollars(item)]),
    );
  }
  return value;
}
