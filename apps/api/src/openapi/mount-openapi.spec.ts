import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { runInNewContext } from 'node:vm';
import { mountOpenApi } from './mount-openapi';
import { buildStandaloneOpenApiDocument } from './openapi-document';

@Module({})
class EmptyModule {}

/** What Swagger UI receives: the document the served swagger-ui-init.js hands to SwaggerUIBundle. */
async function documentInInitScript(document: OpenAPIObject): Promise<unknown> {
  const app = await NestFactory.create(EmptyModule, { logger: false });
  mountOpenApi(app, document);
  await app.init();
  try {
    const script = await request(app.getHttpServer()).get('/api/docs/swagger-ui-init.js');
    expect(script.status).toBe(200);
    let options: { spec?: unknown } = {};
    const bundle = Object.assign((given: { spec?: unknown }) => (options = given), {
      presets: { apis: {} },
      plugins: { DownloadUrl: {} },
    });
    const window = { location: { search: '', origin: 'http://localhost' }, onload: () => {} };
    // A SyntaxError here is the blank /api/docs page of issue 18.
    runInNewContext(script.text, {
      window,
      SwaggerUIBundle: bundle,
      SwaggerUIStandalonePreset: {},
    });
    window.onload();
    return options.spec;
  } finally {
    await app.close();
  }
}

const NASTY = [
  "'^$' (no pre-release)",
  '$` before',
  '$& the match',
  '$$ two dollars',
  '$1 a group',
  '\u2028 line and \u2029 paragraph separators',
  '</script><script>alert(1)</script>',
  'back\\slash and "quotes"',
];

describe('Swagger UI init script', () => {
  it("hands Swagger UI the API's own OpenAPI document, every string intact", async () => {
    const document = await buildStandaloneOpenApiDocument();
    expect(JSON.stringify(document)).toContain("'^$'");
    expect(await documentInInitScript(document)).toEqual(document);
  });

  it.each(NASTY)('keeps %j intact, in a value and in a key', async (text) => {
    const document = {
      openapi: '3.1.0',
      info: { title: text, version: '1' },
      paths: {},
      components: { schemas: { [`Key ${text}`]: { description: text, pattern: `^${text}$` } } },
    } as unknown as OpenAPIObject;
    expect(await documentInInitScript(document)).toEqual(document);
  });
});
