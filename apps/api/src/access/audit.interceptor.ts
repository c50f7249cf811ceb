import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DomainError } from '@gantry/domain';
import { AuditRepository } from '@gantry/persistence';
import { ERROR_STATUS } from '../http/error-status';
import type { Actor } from './actor';
import { maskSecrets, storable } from './mask-secrets';

/** Records every change (any method but GET) with who, what, when and the outcome. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    if (request.method === 'GET' || !request.actor) return next.handle();
    const status = () => context.switchToHttp().getResponse<Response>().statusCode;
    // The audit row is written before the response leaves, so no change goes unrecorded.
    return next.handle().pipe(
      mergeMap((result) => from(this.record(request, status(), result).then(() => result))),
      catchError((error: { getStatus?: () => number; code?: string }) =>
        from(this.record(request, statusOf(error), undefined)).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }

  private async record(
    request: Request & { actor?: Actor },
    status: number,
    result: unknown,
  ): Promise<void> {
    const actor = request.actor as Actor;
    const resourceId =
      (result as { id?: string } | undefined)?.id ??
      request.params?.id ??
      request.params?.ref ??
      null;
    await this.audit
      .record({
        actorKeyId: actor.keyId,
        actorName: actor.name,
        method: request.method,
        route: request.originalUrl.split('?')[0].slice(0, 300),
        resourceId: resourceId ? storable(String(resourceId).slice(0, 100)) : null,
        status,
        outcome: status < 400 ? 'success' : 'refused',
        body: maskSecrets(request.body),
      })
      .catch((error: Error) =>
        this.logger.error(`Could not record an audit event: ${error.message}`),
      );
  }
}

function statusOf(error: { getStatus?: () => number; code?: string }): number {
  if (typeof error.getStatus === 'function') return error.getStatus();
  if (error instanceof DomainError) return ERROR_STATUS[error.code].status;
  return 500;
}
