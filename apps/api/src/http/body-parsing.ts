import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper bodies would overflow the stack of every recursive walk after parsing (validation, audit masking). */
export const MAX_BODY_DEPTH = 64;

/**
 * JSON bodies up to 1 MiB. Parser failures become problem+json here, because they happen
 * before Nest's exception filters see the request.
 */
export function useJsonBodies(app: INestApplication): void {
  app.use(
    express.json({
      limit: MAX_BODY_BYTES,
      strict: true,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!nestedDeeperThan(request.body, MAX_BODY_DEPTH)) return next();
    sendProblem(
      response,
      problem(
        400,
        'validation-failed',
        'Invalid request',
        `Bodies may nest objects and arrays at most ${MAX_BODY_DEPTH} levels deep.`,
        [{ path: '', message: 'nested too deeply' }],
      ),
    );
  });
  app.use(
    (
      error: { type?: string; status?: number; message?: string },
      _request: Request,
      response: Response,
      next: NextFunction,
    ) => {
      // Body-parser errors carry a `type`, except a broken gzip or deflate stream, which is a plain 400.
      const clientError =
        typeof error?.status === 'number' && error.status >= 400 && error.status < 500;
      if (!error?.type && !clientError) return next(error);
      if (error.type === 'entity.too.large') {
        return sendProblem(
          response,
          problem(
            413,
            'payload-too-large',
            'Payload too large',
            `Bodies are limited to ${MAX_BODY_BYTES} bytes.`,
          ),
        );
      }
      if (error.type === 'entity.parse.failed') {
        // The parser's message quotes part of the body, which may hold a secret: keep only the position.
        const position = /position (\d+)/.exec(error.message ?? '')?.[1];
        const detail = position
          ? `The body is not valid JSON (at position ${position}).`
          : 'The body is not valid JSON.';
        return sendProblem(
          response,
          problem(400, 'malformed-json', 'Malformed JSON', detail, [
            { path: '', message: 'malformed JSON' },
          ]),
        );
      }
      return sendProblem(
        response,
        problem(
          error.status ?? 400,
          'unreadable-body',
          'Unreadable body',
          error.message ?? 'The body could not be read.',
        ),
      );
    },
  );
}

/** Whether objects and arrays nest deeper than `limit`; iterative, so any depth is safe to check. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (!current || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
