import { DeliveryFailed } from './delivery-failed';

/** POSTs JSON; a non-2xx answer, a network error or the timeout is a DeliveryFailed. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Gantry', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : causeOf(error);
    throw new DeliveryFailed(`The receiver could not be reached: ${reason}.`);
  }
  // The body is read (and dropped) so the connection is released.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status > 299)
    throw new DeliveryFailed(`The receiver answered HTTP ${response.status}.`, response.status);
  return response.status;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
