import { FindOptionsWhere, In, Repository } from 'typeorm';
import { isUuid, notFound, pathsOf, unknownReferences } from '@gantry/domain';

interface Referable {
  id: string;
  slug: string;
}

/** Finds by id when the ref is a UUID, else by slug. Null when missing. */
export function findByRef<T extends Referable>(
  repository: Repository<T>,
  ref: string,
  extra: FindOptionsWhere<T> = {},
): Promise<T | null> {
  // PostgreSQL text cannot hold U+0000, so no row can match such a ref.
  if (ref.includes('\u0000')) return Promise.resolve(null);
  const where = (
    isUuid(ref) ? { ...extra, id: ref } : { ...extra, slug: ref.toLowerCase() }
  ) as FindOptionsWhere<T>;
  return repository.findOne({ where });
}

/** Like findByRef, but a missing resource is a not_found DomainError naming the kind and ref. */
export async function getByRef<T extends Referable>(
  repository: Repository<T>,
  kind: string,
  ref: string,
  extra: FindOptionsWhere<T> = {},
): Promise<T> {
  const found = await findByRef(repository, ref, extra);
  if (!found) throw notFound(kind, ref);
  return found;
}

/**
 * Resolves many refs in one query, keeping their order. Every unknown ref is listed in one
 * not_found error at its path: `path.index`, or its own entry when `path` lists one per ref
 * (refs gathered from several places of a body).
 */
export async function getManyByRef<T extends Referable>(
  repository: Repository<T>,
  kind: string,
  refs: string[],
  path: string | readonly string[],
): Promise<T[]> {
  if (refs.length === 0) return [];
  const ids = refs.filter(isUuid);
  const slugs = refs.filter((ref) => !isUuid(ref)).map((ref) => ref.toLowerCase());
  const where = [
    ...(ids.length ? [{ id: In(ids) }] : []),
    ...(slugs.length ? [{ slug: In(slugs) }] : []),
  ] as FindOptionsWhere<T>[];
  const rows = await repository.find({ where });
  const byRef = new Map<string, T>();
  for (const row of rows) {
    byRef.set(row.id, row);
    byRef.set(row.slug, row);
  }
  const paths = pathsOf(path, refs.length);
  const missing = refs.flatMap((ref, index) =>
    byRef.has(isUuid(ref) ? ref : ref.toLowerCase()) ? [] : [{ ref, path: paths[index] }],
  );
  if (missing.length) throw unknownReferences(kind, missing);
  return refs.map((ref) => byRef.get(isUuid(ref) ? ref : ref.toLowerCase()) as T);
}
