import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';

const INDEX = '<!doctype html><title>Gantry</title><script src="/assets/index-abc123.js"></script>';
/** A bundle big enough to be worth compressing (over compression's 1 KB threshold). */
const BUNDLE = `console.log(${JSON.stringify('gantry '.repeat(2000))});`;

/** The console is served by the API's own port: files, caching, client routes, API untouched. */
describe('serving the web console', () => {
  let api: ApiHarness;
  let bare: ApiHarness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gantry-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("gantry")');
    writeFileSync(join(dir, 'assets/vendor-def456.js'), BUNDLE);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startApi('console-serving', {}, { consoleDir: dir });
    bare = await startApi('console-serving-bare', {}, { consoleDir: null });
  });
  afterAll(async () => {
    await api?.close();
    await bare?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/deployments/5f0c2d7e', '/projects/shop/tenants', '/releases/1.2.3'])(
    'answers %s with index.html, revalidated on every load',
    async (path) => {
      const response = await api.anonymous().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toBe(INDEX);
    },
  );

  it('serves hashed assets for a year, immutable, and other files revalidated', async () => {
    const asset = await api.anonymous().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const icon = await api.anonymous().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file 404, not index.html', async () => {
    const response = await api.anonymous().get('/assets/gone-999.js').expect(404);
    expect(response.text).not.toContain('<title>Gantry</title>');
  });

  it('leaves the API, its docs and the health checks alone', async () => {
    const unauthenticated = await api.anonymous().get('/api/environments').expect(401);
    expect(unauthenticated.headers['content-type']).toMatch(/application\/problem\+json/);
    const unknown = await api.get('/api/no-such-route').expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    await api.anonymous().get('/api').expect(404);
    await api.anonymous().get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
    const docs = await api.anonymous().get('/api/docs').expect(200);
    expect(docs.text).not.toBe(INDEX);
    await api.anonymous().get('/health/live').expect(200, { status: 'ok' });
    await api.get('/api/environments').expect(200);
    // An encoded `..` that climbs to the console's root is the API's 404, not a directory redirect.
    for (const path of ['/api/targets/..%2F..', '/api/tenants/..%2F..%2F', '/api/..%2F'])
      await api
        .get(path)
        .expect(404)
        .expect('Content-Type', /application\/problem\+json/);
  });

  it('says how to build the console when there is no build', async () => {
    const response = await bare.anonymous().get('/').expect(404);
    expect(response.text).toContain('npm run build');
    await bare.get('/api/environments').expect(200);
  });

  it('compresses the console files and the API answers for clients that accept gzip', async () => {
    const bundle = await api
      .anonymous()
      .get('/assets/vendor-def456.js')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(bundle.headers['content-encoding']).toBe('gzip');
    expect(bundle.headers['vary']).toMatch(/Accept-Encoding/);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(bundle.text).toBe(BUNDLE);

    const document = await api
      .anonymous()
      .get('/api/openapi.json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(document.headers['content-encoding']).toBe('gzip');
    expect(document.body).toHaveProperty('openapi');

    const plain = await api
      .anonymous()
      .get('/assets/vendor-def456.js')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses an event stream, so each event reaches the client as it is sent', async () => {
    const server = api.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      get(
        `http://127.0.0.1:${port}/api/dashboard/stream`,
        { headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Accept-Encoding': 'gzip' } },
        resolve,
      ).on('error', reject),
    );
    try {
      expect(response.headers['content-type']).toMatch(/text\/event-stream/);
      expect(response.headers['content-encoding']).toBeUndefined();
      const firstEvent = await new Promise<string>((resolve) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('\n\n')) resolve(text);
        });
      });
      expect(firstEvent).toMatch(/^event: ready/m);
    } finally {
      response.destroy();
    }
  });
});
