import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { consoleCacheControl, isClientRoute, REVALIDATE } from './console-files';

/**
 * Serves the web console (apps/web, built into `dir`) at `/` from the API's own port: its files
 * with the caching their names allow, and index.html for every client route, so a reload of
 * /deployments/… opens the console there. `/api/*` (and its docs) and `/health/*` are never
 * touched. Without a build, `/` says how to make one.
 */
export function serveConsole(app: NestExpressApplication, dir: string | null): void {
  if (dir) {
    app.useStaticAssets(dir, {
      index: false,
      fallthrough: true,
      // No 301 to `dir/`: an encoded `..` in an API path (/api/x/..%2F..) reaches the root
      // directory, and the API, not a redirect, must answer it.
      redirect: false,
      // send() adds its own Cache-Control only when none is set: this one counts.
      setHeaders: (response, _path, _stat) => {
        const urlPath = (response.req as Request).path;
        response.setHeader('Cache-Control', consoleCacheControl(urlPath));
      },
    });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isClientRoute(request.method, request.path)) return next();
    if (!dir) {
      response
        .status(404)
        .type('text/plain')
        .send('The web console is not built: run `npm run build` (it writes dist/web).\n');
      return;
    }
    response.setHeader('Cache-Control', REVALIDATE);
    response.sendFile(join(dir, 'index.html'), { cacheControl: false }, (error) => {
      if (error) next(error);
    });
  });
}
