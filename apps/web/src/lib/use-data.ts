import { useCallback, useEffect, useRef, useState } from 'react';

export interface Data<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  /** Loads again, keeping what is shown until the answer arrives. */
  reload(): void;
}

/** Loads `load()` when `deps` change; the latest answer wins. */
export function useData<T>(load: () => Promise<T>, deps: unknown[]): Data<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: Error) =>
        mine === generation.current &&
        setState((previous) => ({ ...previous, error, loading: false })),
    );
  }, []);
  useEffect(run, deps);
  return { ...state, reload: run };
}
