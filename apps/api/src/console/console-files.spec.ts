import { consoleCacheControl, IMMUTABLE, isClientRoute, REVALIDATE } from './console-files';

describe('the console files', () => {
  it.each([
    ['/assets/index-B1x2y3.js', IMMUTABLE],
    ['/assets/index-Ckd93.css', IMMUTABLE],
    ['/index.html', REVALIDATE],
    ['/favicon.svg', REVALIDATE],
    ['/', REVALIDATE],
  ])('%s is served with Cache-Control %s', (path, expected) => {
    expect(consoleCacheControl(path)).toBe(expected);
  });

  it.each([
    ['GET', '/', true],
    ['GET', '/projects/shop', true],
    ['HEAD', '/deployments/5f0c', true],
    ['GET', '/releases/1.2.3', true],
    ['GET', '/api', false],
    ['GET', '/api/projects', false],
    ['GET', '/api/docs', false],
    ['GET', '/api/openapi.json', false],
    ['GET', '/health/live', false],
    ['GET', '/assets/missing.js', false],
    ['GET', '/favicon.ico', false],
    ['POST', '/projects', false],
  ])('%s %s is a client route: %s', (method, path, expected) => {
    expect(isClientRoute(method, path)).toBe(expected);
  });
});
