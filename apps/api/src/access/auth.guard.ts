import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { GANTRY_CONFIG, GantryConfig, MASTER_KEY } from '@gantry/config';
import { DomainError } from '@gantry/domain';
import { ApiKeysRepository } from '@gantry/persistence';
import { REDIS_CONNECTION } from '@gantry/queue';
import { Actor, Permission, PUBLIC_ROUTE, REQUIRED_PERMISSION, roleAllows } from './actor';
import { AuthFailureLimiter } from './auth-failures';
import { hashApiKey, legacyHashApiKey } from './api-key-secret';

const LAST_USED_PRECISION_MS = 60_000;

/** Every /api route needs `Authorization: Bearer <key>` and the permission the route asks for. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');
  private readonly limiter: AuthFailureLimiter;
  private limiterDown = false;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysRepository,
    @Inject(REDIS_CONNECTION) redis: Redis,
    @Inject(GANTRY_CONFIG) config: GantryConfig,
    @Inject(MASTER_KEY) private readonly masterKey: Buffer,
  ) {
    this.limiter = new AuthFailureLimiter(redis, config.QUEUE_PREFIX);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    // request.ip follows X-Forwarded-For only as far as TRUST_PROXY allows.
    const address = request.ip ?? 'unknown';
    const credential = presentedKey(request.headers.authorization) ?? '';
    const wait = await this.limited(() => this.limiter.retryAfterSeconds(address, credential));
    if (wait) {
      throw new DomainError(
        'rate_limited',
        `Too many failed authentications with this key from this address; retry in ${wait} s.`,
        [],
        { retryAfterSeconds: wait },
      );
    }
    const actor = await this.authenticate(credential);
    if (!actor) {
      await this.limited(() => this.limiter.recordFailure(address, credential));
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

  /** Runs a limiter call; while Redis is unreachable the limiter lets requests through (logged once). */
  private async limited<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await call();
      if (this.limiterDown) this.logger.log('Login limiter: Redis answers again');
      this.limiterDown = false;
      return result;
    } catch (error) {
      if (!this.limiterDown) {
        this.logger.warn(
          `Login limiter: Redis unavailable, authentication failures are not limited until it is back (${(error as Error).message})`,
        );
      }
      this.limiterDown = true;
      return undefined;
    }
  }

  private async authenticate(credential: string): Promise<Actor | null> {
    if (!credential) return null;
    const keyHash = hashApiKey(credential, this.masterKey);
    const key = await this.keys.findActiveByHash([keyHash, legacyHashApiKey(credential)]);
    if (!key) return null;
    if (key.keyHash !== keyHash) await this.keys.rehash(key.id, keyHash);
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

function presentedKey(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
}
