import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../access/actor';
import { LiveService } from './live.service';

/**
 * Holds one of the caller's live stream slots for as long as the response is open: the cap is
 * checked before the stream starts (a 429 problem, not an event), and the slot comes back when
 * the client disconnects or the stream ends.
 */
@Injectable()
export class StreamSlotGuard implements CanActivate {
  constructor(private readonly live: LiveService) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const response = http.getResponse<Response>();
    if (!request.actor) return true;
    const release = this.live.takeStreamSlot(request.actor.keyId);
    response.once('close', release);
    return true;
  }
}
