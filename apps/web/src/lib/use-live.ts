import { useEffect, useRef } from 'react';
import { useSession } from './auth';
import { followEvents, ServerEvent } from './sse';

/**
 * Follows a server-sent event stream of the API while the component is shown; `onEvent` sees each
 * event (the latest callback, so it may close over state).
 */
export function useLiveEvents(
  url: string | null,
  onEvent: (event: ServerEvent) => void | 'stop',
): void {
  const { apiKey } = useSession();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    void followEvents(url, apiKey, (event) => handler.current(event), controller.signal);
    return () => controller.abort();
  }, [url, apiKey]);
}

/** Calls `run` at most once per `ms`, the last call always landing. */
export function useThrottled(run: () => void, ms: number): () => void {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  };
}
