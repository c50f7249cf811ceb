import { ApiError, Problem, UnreachableError, UsageError } from './cli-errors';

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

/** The HTTP API through Node's global fetch: JSON in and out, problem+json mapped to ApiError. */
export class GantryClient {
  readonly server: string;

  constructor(private readonly options: ClientOptions) {
    this.server = normaliseServer(options.server);
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

  /** A response as text (YAML or JSON templates are printed exactly as served). */
  async getText(path: string, query?: Query): Promise<string> {
    const response = await this.send('GET', withQuery(path, query));
    return response.text();
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

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json, */*',
    };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.server}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new UnreachableError(this.server, failureReason(error));
    }
    if (!response.ok) throw new ApiError(method, path, await readProblem(response));
    return response;
  }
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
