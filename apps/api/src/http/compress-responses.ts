import compression from 'compression';
import type { INestApplication } from '@nestjs/common';

/**
 * Gzip for clients that accept it: the console's bundle and the API's JSON pages shrink about
 * fivefold. Event streams stay uncompressed (a compressed stream would hold events back until a
 * block fills): Nest sends them with `Cache-Control: no-transform`, which compression honours.
 */
export function compressResponses(app: INestApplication): void {
  app.use(compression());
}
