import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@gantry/domain';
import { ApiKeysRepository } from '@gantry/persistence';
import { Actor, Permission, PUBLIC_ROUTE, REQUIRED_PERMISSION, roleAllows } from './actor';
import { AuthFailureLimiter } from './auth-failures';
import { hashApiKey } from './api-key-secret';

const LAST_USED_PRECISION_MS = 60_000;

/** Every /api route needs `Authorization: Bearer <key>` and the permission the route asks for. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter = new AuthFailureLimiter();

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const address = request.ip ?? 'unknown';
    const wait = this.limiter.retryAfterSeconds(address);
    if (wait > 0) {
      throw new DomainError(
        'rate_limited',
        `Too many failed authentications from this address; retry in ${wait} s.`,
        [],
        { retryAfterSeconds: wait },
      );
    }
    const actor = await this.authenticate(request.headers.authorization);
    if (!actor) {
      this.limiter.recordFailure(address);
      throw new DomainError(
        'unauthenticated',
        'Send a valid API key as "Authorization: Bearer <key>".',
      );
    }
    request.actor = actor;
    const permission =
      this.reflector.get<Permission>(REQUIRED_PERMISSION, context.getHandler()) ??
      (request.method === 'GET' ? 'read' : 'admin');
    if (!roleAllows(actor.role, permission)) {
      throw new DomainError(
        'forbidden',
        `The key '${actor.name}' (role ${actor.role}) lacks the '${permission}' permission this route needs.`,
      );
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) return null;
    const key = await this.keys.findActiveByHash(hashApiKey(match[1]));
    if (!key) return null;
    // lastUsedAt is for people reading the key list: a minute's precision spares a write per request.
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      void this.keys.touch(key.id).catch(() => undefined);
    }
    return {
      keyId: key.id,
      name: key.name,
      role: key.role,
      environments: key.environments,
      projects: key.projects,
    };
  }
}
