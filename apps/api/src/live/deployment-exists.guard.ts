import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isUuid } from '@gantry/domain';
import { LiveService } from './live.service';

/**
 * An unknown deployment is a 404 problem. The check has to run as a guard: once an @Sse handler
 * runs, Nest commits `200 text/event-stream` and an error can only become an `error` event.
 */
@Injectable()
export class DeploymentExistsGuard implements CanActivate {
  constructor(private readonly live: LiveService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const id = context.switchToHttp().getRequest<Request>().params.id;
    // A malformed id is left to the route's ParseUUIDPipe, which answers 400.
    if (typeof id === 'string' && isUuid(id)) await this.live.assertDeploymentExists(id);
    return true;
  }
}
