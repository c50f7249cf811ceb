import type { Response } from 'express';
import type { FieldError } from '@gantry/domain';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://gantry.dev/problems/';

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: FieldError[],
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `${TYPE_BASE}${code.replace(/_/g, '-')}`,
    title,
    status,
    detail,
    ...(errors && errors.length ? { errors } : {}),
    ...extra,
  };
}

export function sendProblem(
  response: Response,
  body: Problem,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
