import { parseEvents, type ServerEvent } from './sse-parser';

export type { ServerEvent };

/**
 * Follows a server-sent event stream with the API key in a header (EventSource cannot send one):
 * reconnects after a dropped connection with `Last-Event-ID`, and stops when `signal` aborts or
 * `onEvent` returns `'stop'`.
 */
export async function followEvents(
  url: string,
  apiKey: string,
  onEvent: (event: ServerEvent) => void | 'stop',
  signal: AbortSignal,
): Promise<void> {
  let lastEventId: string | undefined;
  while (!signal.aborted) {
    try {
      const response = await fetch(url, {
        headers: {
          Authorization: `Bearer ${apiKey}`,
          Accept: 'text/event-stream',
          ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
        },
        signal,
      });
      if (!response.ok || !response.body) {
        if (response.status >= 400 && response.status < 500) return;
        throw new Error(`HTTP ${response.status}`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEvents(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== undefined) lastEventId = event.id;
          if (onEvent(event) === 'stop') {
            await reader.cancel();
            return;
          }
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      console.warn('event stream interrupted, reconnecting', error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
