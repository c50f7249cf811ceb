import createClient from 'openapi-fetch';
import type { components, paths } from '../generated/api';

/** A schema of the API's OpenAPI document, by name. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Problem = Schema<'Problem'>;

/** An API error as the console shows it: the problem's detail and every invalid field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(
      [
        problem.detail || problem.title || `HTTP ${status}`,
        ...(problem.errors ?? []).map((error) => `${error.path}: ${error.message}`),
      ].join('\n'),
    );
  }
}

export type GantryClient = ReturnType<typeof createGantryClient>;

/** The typed client of /api/openapi.json, sending the key; `onUnauthorized` runs on a 401. */
export function createGantryClient(apiKey: string, onUnauthorized: () => void) {
  const client = createClient<paths>({ baseUrl: '' });
  client.use({
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${apiKey}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  });
  return client;
}

/** The data of an openapi-fetch answer, or its problem thrown as an ApiError. */
export async function must<T>(
  answer: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await answer;
  if (error !== undefined || !response.ok) {
    throw new ApiError(response.status, (error ?? {}) as Partial<Problem>);
  }
  return data as T;
}

/** Asks who a key is, before it is stored: null when the API does not know it. */
export async function whoami(apiKey: string): Promise<Schema<'CurrentKey'> | null> {
  const response = await fetch('/api/whoami', {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  if (response.status === 401) return null;
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => ({})));
  }
  return response.json();
}

/** A file download of text the API answered (templates). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
