import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliIo } from '../output';

/** A request the fake server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body: unknown;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
  /** Sent as is instead of JSON (a YAML template). */
  text?: string;
}

export type FakeRoute = FakeResponse | ((request: RecordedRequest) => FakeResponse);

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A tiny real HTTP server on a free port for specs of commands whose API routes are not
 * built yet: routes are keyed `"GET /api/dashboard"`, every request is recorded, and an
 * unknown route answers a 404 problem.
 */
export async function startFakeApi(routes: Record<string, FakeRoute>): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const text = await readBody(incoming);
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: incoming.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const answer =
      typeof route === 'function'
        ? route(request)
        : (route ?? {
            status: 404,
            body: {
              type: 'about:blank',
              title: 'Not Found',
              status: 404,
              detail: `no route ${request.method} ${request.path}`,
            },
          });
    const status = answer.status ?? 200;
    if (answer.text !== undefined) {
      response.writeHead(status, { 'content-type': 'text/yaml' }).end(answer.text);
    } else {
      response
        .writeHead(status, {
          'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
        })
        .end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** CliIo writing into strings, for running the CLI in-process. */
export function memoryIo(
  env: Record<string, string | undefined> = {},
): CliIo & { stdout: { text: string }; stderr: { text: string } } {
  const stdout = { text: '', isTTY: false, write: (chunk: string) => (stdout.text += chunk) };
  const stderr = { text: '', write: (chunk: string) => (stderr.text += chunk) };
  return { stdout, stderr, env };
}
