import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Hashed build output: a changed file gets a new name, so a copy may be kept for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: revalidated on every load. */
export const REVALIDATE = 'no-cache';

/**
 * Where `npm run build` puts the console (`vite build` into dist/web): from the sources
 * (apps/api/src/console, as the tests run) and from the build (dist/apps/api/src/console).
 */
export function builtConsoleDirectory(): string | null {
  const candidates = [
    resolve(__dirname, '../../../../dist/web'),
    resolve(__dirname, '../../../../web'),
  ];
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html'))) ?? null;
}

/** The Cache-Control of a file of the console, by its URL path. */
export function consoleCacheControl(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

/**
 * Whether a request is the console's to answer with index.html: a GET or HEAD of a client route
 * (no file extension), never the API (`/api`, `/api/…`, its docs) or the health checks.
 */
export function isClientRoute(method: string, urlPath: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (/^\/(api|health)(\/|$)/.test(urlPath)) return false;
  // A file name ends in an extension (`.js`, `.png`); a release version (`1.2.3`) does not.
  return !/\.[a-z][a-z0-9]{0,7}$/i.test(urlPath);
}
