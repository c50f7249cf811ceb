import { DomainError } from '@gantry/domain';

/** Awaits lookups together; their not_found errors become one error listing every unknown ref. */
export async function resolveTogether<A, B>(
  first: Promise<A>,
  second: Promise<B>,
): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  const failures = [a, b].flatMap((result) =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
  const unexpected = failures.find(
    (reason) => !(reason instanceof DomainError) || reason.code !== 'not_found',
  );
  if (unexpected) throw unexpected;
  if (failures.length > 0) {
    const notFound = failures as DomainError[];
    throw new DomainError(
      'not_found',
      notFound.map((error) => error.message).join(' '),
      notFound.flatMap((error) => error.errors),
    );
  }
  return [(a as PromiseFulfilledResult<A>).value, (b as PromiseFulfilledResult<B>).value];
}
