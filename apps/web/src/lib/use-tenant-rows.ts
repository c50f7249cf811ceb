import { useCallback, useEffect, useRef, useState } from 'react';
import { GantryClient, must, Schema } from './api';

type TenantPage = Schema<'TenantDashboard'>;
export type TenantRow = TenantPage['items'][number];
export type TenantPageHead = Omit<TenantPage, 'items' | 'next'>;

/** The first page is small, so the first rows show at once; the following ones are larger. */
const FIRST_PAGE = 50;
const NEXT_PAGE = 500;

/** One page as loaded: where it starts (the `after` it was asked with), so it can be read again. */
interface Chunk {
  after?: string;
  limit: number;
  items: TenantRow[];
  next: string | null;
}

export interface TenantRows {
  /** The project, environments, tags and total, from the latest page read. */
  head?: TenantPageHead;
  /** The rows loaded so far: a prefix of the list, in order. */
  rows: TenantRow[];
  /** How many rows the list holds, loaded or not. */
  count: number;
  error?: Error;
  /** Loads the following pages until row `index` is loaded (keyset pages load in order). */
  need(index: number): void;
  /** Reads again the pages holding rows `from` to `to`: what a live update shows. */
  refresh(from: number, to: number): void;
}

/**
 * A project's tenants × environments, page by page as the list is scrolled, narrowed by the API
 * (tag and search), so 10,000 tenants cost what is on screen and not a full download.
 */
export function useTenantRows(
  client: GantryClient,
  ref: string,
  tags: string[],
  search: string,
): TenantRows {
  // `generation`: the reset the chunks come from; until the current one answers they are stale.
  const [state, setState] = useState<{
    generation: number;
    head?: TenantPageHead;
    chunks: Chunk[];
    error?: Error;
  }>({ generation: 0, chunks: [] });
  const current = useRef(state);
  current.current = state;
  /** Bumped by each reset: answers to an older generation are dropped. */
  const generation = useRef(0);
  /** The pages asked for in this generation, by their `after`. */
  const requested = useRef(new Set<string>());
  const tagKey = tags.join('\n');

  const fetchPage = useCallback(
    (after: string | undefined, limit: number) =>
      must(
        client.GET('/api/dashboard/projects/{ref}/tenants', {
          params: {
            path: { ref },
            query: {
              tag: tagKey ? tagKey.split('\n') : undefined,
              search: search || undefined,
              after,
              limit,
            },
          },
        }),
      ),
    [client, ref, tagKey, search],
  );

  const reset = useCallback(() => {
    const mine = ++generation.current;
    requested.current = new Set();
    fetchPage(undefined, FIRST_PAGE).then(
      (page) =>
        mine === generation.current &&
        setState({
          generation: mine,
          head: headOf(page),
          chunks: [{ limit: FIRST_PAGE, ...chunkOf(page) }],
        }),
      (error: Error) => mine === generation.current && setState((s) => ({ ...s, error })),
    );
  }, [fetchPage]);
  useEffect(reset, [reset]);

  const need = useCallback(
    (index: number) => {
      const { chunks, generation: loaded } = current.current;
      const last = chunks[chunks.length - 1];
      // The rows of a previous filter are no place to continue from.
      if (loaded !== generation.current || !last || last.next === null) return;
      // One request per page: the answer may be in while the rows read here are not yet updated.
      if (index < loadedCount(chunks) || requested.current.has(last.next)) return;
      const after = last.next;
      requested.current.add(after);
      const mine = generation.current;
      fetchPage(after, NEXT_PAGE).then(
        (page) =>
          mine === generation.current &&
          setState((s) =>
            s.chunks.some((chunk) => chunk.after === after)
              ? s
              : {
                  ...s,
                  head: headOf(page),
                  chunks: [...s.chunks, { after, limit: NEXT_PAGE, ...chunkOf(page) }],
                },
          ),
        (error: Error) => {
          if (mine !== generation.current) return;
          requested.current.delete(after);
          setState((s) => ({ ...s, error }));
        },
      );
    },
    [fetchPage],
  );

  const refresh = useCallback(
    (from: number, to: number) => {
      const { chunks, generation: loaded } = current.current;
      if (loaded !== generation.current) return; // a reset is under way: it reads everything
      const shown = chunksHolding(chunks, from, to);
      if (shown.length === 0) return reset();
      const mine = generation.current;
      Promise.all(shown.map((k) => fetchPage(chunks[k].after, chunks[k].limit))).then(
        (pages) => {
          if (mine !== generation.current) return;
          // A tenant added, removed or renamed moves every later row: read the list again.
          if (pages.some((page, i) => !sameTenants(page.items, chunks[shown[i]].items)))
            return reset();
          setState((s) => {
            const next = [...s.chunks];
            shown.forEach((k, i) => (next[k] = { ...next[k], items: pages[i].items }));
            return { ...s, head: headOf(pages[pages.length - 1]), chunks: next };
          });
        },
        // A failed refresh leaves what is shown; the next change tries again.
        () => undefined,
      );
    },
    [fetchPage, reset],
  );

  const rows = state.chunks.flatMap((chunk) => chunk.items);
  const last = state.chunks[state.chunks.length - 1];
  const count =
    !last || last.next === null ? rows.length : Math.max(state.head?.total ?? 0, rows.length);
  return { head: state.head, rows, count, error: state.error, need, refresh };
}

function headOf({ items: _items, next: _next, ...head }: TenantPage): TenantPageHead {
  return head;
}

function chunkOf(page: TenantPage): Pick<Chunk, 'items' | 'next'> {
  return { items: page.items, next: page.next };
}

function loadedCount(chunks: Chunk[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.items.length, 0);
}

/** The indexes of the chunks holding any of rows `from` to `to`. */
function chunksHolding(chunks: Chunk[], from: number, to: number): number[] {
  const held: number[] = [];
  let start = 0;
  chunks.forEach((chunk, k) => {
    const end = start + chunk.items.length;
    if (end > from && start <= to) held.push(k);
    start = end;
  });
  return held;
}

function sameTenants(a: TenantRow[], b: TenantRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => row.tenant.id === b[i].tenant.id && row.tenant.name === b[i].tenant.name)
  );
}
