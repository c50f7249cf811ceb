type Input = Record<string, unknown>;

/** A JSON 1.1 response: status, body and, for an error, its `x-amzn-errortype`. */
export interface JsonResponse {
  status: number;
  body: string;
  errorType?: string;
}

/** An error a JSON 1.1 service answers with its `__type` (and message, when it sends one). */
export class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    message = '',
    readonly status = 400,
  ) {
    super(message);
  }
}

/** One action of a JSON 1.1 service: the parsed request in, the response object out. */
export type JsonHandler<C> = (context: C, input: Input) => Input;

export function jsonError(type: string, message: string, status = 400): JsonResponse {
  const body = message ? { __type: type, message } : { __type: type };
  return { status, body: JSON.stringify(body), errorType: type };
}

/** Runs one request of a JSON 1.1 service (`X-Amz-Target: <prefix>.<Action>`): parse, dispatch, answer. */
export function handleJsonService<C>(
  handlers: Record<string, JsonHandler<C>>,
  context: C,
  action: string,
  body: string,
): JsonResponse {
  const handler = handlers[action];
  if (!handler) return jsonError('UnknownOperationException', `Unknown operation ${action}.`);
  let input: Input;
  try {
    input = body.trim() ? (JSON.parse(body) as Input) : {};
  } catch {
    return jsonError('SerializationException', '');
  }
  try {
    return { status: 200, body: JSON.stringify(handler(context, input)) };
  } catch (error) {
    if (error instanceof AwsJsonError) return jsonError(error.type, error.message, error.status);
    return jsonError(
      'InternalServerError',
      error instanceof Error ? error.message : 'Internal error',
      500,
    );
  }
}
