import createClient, { Client } from 'openapi-fetch';
import { ApiError, Problem, UnreachableError, UsageError } from './cli-errors';
import type { components, paths } from './generated/api';

/** A response body of the API, by its schema name in the OpenAPI document. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON request body of an operation. */
export type JsonBody<
  Path extends keyof paths,
  Method extends 'post' | 'put' | 'patch',
> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export interface ClientOptions {
  server: string;
  apiKey?: string;
  /** Per-request limit; a request that takes longer counts as an unreachable server. */
  requestTimeoutMs?: number;
}

export interface ListPage<T> {
  items: T[];
  total: number;
}

type Query = Record<string, string | number | undefined>;

const PAGE_SIZE = 500;

/**
 * The HTTP API through Node's global fetch, problem+json mapped to ApiError. `api` is typed by the
 * OpenAPI document (apps/cli/src/generated/api.ts): commands call it. The untyped JSON methods are
 * for `apply`, whose resource kinds and bodies come from the user's file.
 */
export class GantryClient {
  readonly server: string;
  readonly api: Client<paths>;

  constructor(private readonly options: ClientOptions) {
    this.server = normaliseServer(options.server);
    this.api = createClient<paths>({
      baseUrl: this.server,
      fetch: (request) => this.exchange(request),
    });
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /** Every item of a paged list, fetching pages of 500 until `total` is reached. */
  async listAll<T>(path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    for (;;) {
      const page = await this.get<ListPage<T>>(path, {
        ...query,
        limit: PAGE_SIZE,
        offset: items.length,
      });
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) return items;
    }
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private send(method: string, path: string, body?: unknown): Promise<Response> {
    return this.exchange(
      new Request(`${this.server}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  }

  /** Every request goes out here: the key, a time limit, and errors as CLI errors. */
  private async exchange(request: Request): Promise<Response> {
    const headers = new Headers(request.headers);
    headers.set('accept', 'application/json, application/problem+json, */*');
    if (this.options.apiKey) headers.set('authorization', `Bearer ${this.options.apiKey}`);
    const url = new URL(request.url);
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers,
        body: request.body === null ? undefined : await request.text(),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new UnreachableError(this.server, failureReason(error));
    }
    if (!response.ok) {
      const base = new URL(this.server).pathname.replace(/\/$/, '');
      const path = `${url.pathname.slice(base.length)}${url.search}`;
      throw new ApiError(request.method, path, await readProblem(response));
    }
    return response;
  }
}

/**
 * The body of a typed call. Failures never get here (they throw ApiError), so a missing body on
 * a route documented with one is a server that broke the contract.
 */
export function dataOf<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined)
    throw new ApiError('', new URL(result.response.url).pathname, {
      status: result.response.status,
      title: 'The server answered without the documented body',
    });
  return result.data;
}

/** Checks `--server` and drops trailing slashes, so paths can be appended. */
export function normaliseServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`invalid --server '${server}': give a URL such as http://localhost:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`invalid --server '${server}': use http or https`);
  return server.replace(/\/+$/, '');
}

/** Appends the defined query values, URL-encoded. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.append(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** A path segment from user input (a slug, an id or a version), safely encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === 'object') return { ...body, status: response.status };
  } catch {
    // not JSON: a proxy or a crashed server; keep the status and the start of the text
  }
  return {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    detail: text.slice(0, 200) || undefined,
  };
}

/** Duck-typed: fetch's errors come from Node's own realm, where `instanceof Error` can fail (jest). */
function failureReason(error: unknown): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (failure.name === 'TimeoutError') return 'the request timed out';
  return failure.cause?.code ?? failure.cause?.message ?? failure.message ?? String(error);
}
