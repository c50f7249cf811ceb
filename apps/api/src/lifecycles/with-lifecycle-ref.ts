import type { LifecyclesRepository } from '@gantry/persistence';

type WithLifecycle<T> = Omit<T, 'lifecycleId'> & { lifecycle: { id: string; slug: string } | null };

/** Rows with their `lifecycleId` shown as `lifecycle: {id, slug}` (or null), in one query for all. */
export async function withLifecycleRefs<T extends { lifecycleId: string | null }>(
  lifecycles: LifecyclesRepository,
  rows: T[],
): Promise<WithLifecycle<T>[]> {
  const refs = await lifecycles.refsByIds(
    rows.flatMap((row) => (row.lifecycleId ? [row.lifecycleId] : [])),
  );
  return rows.map(({ lifecycleId, ...rest }) => ({
    ...rest,
    lifecycle: (lifecycleId && refs.get(lifecycleId)) || null,
  }));
}

/** One row with its lifecycle reference, as the API presents it. */
export async function withLifecycleRef<T extends { lifecycleId: string | null }>(
  lifecycles: LifecyclesRepository,
  row: T,
): Promise<WithLifecycle<T>> {
  return (await withLifecycleRefs(lifecycles, [row]))[0];
}
