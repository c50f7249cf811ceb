import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DependencyEndpoints, DomainError, unavailableDependency } from '@gantry/domain';
import { ERROR_STATUS } from './error-status';
import { OutageLog } from './outage-log';
import { Problem, problem, sendProblem } from './problem';

/** What a client is asked to wait while PostgreSQL or Redis is unavailable. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Turns every error into application/problem+json. Only a real bug becomes a 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');
  private readonly outages = new OutageLog((line) => this.logger.warn(line));

  constructor(private readonly endpoints: DependencyEndpoints = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const dependency = unavailableDependency(exception, this.endpoints);
    if (dependency) {
      this.outages.report(dependency, exception);
      const detail = `${dependency} is unavailable; retry in ${OUTAGE_RETRY_AFTER_SECONDS} s.`;
      sendProblem(response, problem(503, 'service_unavailable', 'Service unavailable', detail), {
        'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS),
      });
      return;
    }
    const headers: Record<string, string> = {};
    if (
      exception instanceof DomainError &&
      typeof exception.details.retryAfterSeconds === 'number'
    ) {
      headers['Retry-After'] = String(exception.details.retryAfterSeconds);
    }
    sendProblem(response, this.toProblem(exception), headers);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      const { status, title } = ERROR_STATUS[exception.code];
      const { retryAfterSeconds: _ignored, ...extra } = exception.details;
      return problem(status, exception.code, title, exception.message, exception.errors, extra);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        typeof body === 'string'
          ? body
          : String((body as { message?: unknown }).message ?? exception.message);
      return problem(
        status,
        `http-${status}`,
        exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        detail,
      );
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return problem(
      500,
      'internal',
      'Internal server error',
      'Something went wrong on our side; the error was logged.',
    );
  }
}
