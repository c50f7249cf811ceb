import { UnknownRef, unknownReferences } from '@gantry/domain';

interface Referable {
  id: string;
  slug: string;
}

/**
 * Resolves refs (id or slug) against rows already loaded, for bodies that reference many rows
 * of a small table. Every unknown ref is reported at once, each with its path.
 */
export class RefResolver<T extends Referable> {
  private readonly byRef = new Map<string, T>();
  private readonly missing: UnknownRef[] = [];

  constructor(
    private readonly kind: string,
    rows: readonly T[],
  ) {
    for (const row of rows) {
      this.byRef.set(row.id, row);
      this.byRef.set(row.slug, row);
    }
  }

  /** The rows for these refs; unknown ones are remembered under `path.index`. */
  resolve(refs: readonly string[], path: string): T[] {
    return refs.flatMap((ref, index) => {
      const row = this.byRef.get(ref.toLowerCase());
      if (row) return [row];
      this.missing.push({ ref, path: `${path}.${index}` });
      return [];
    });
  }

  /** Throws a not_found error listing every unknown ref seen so far. */
  assertAllFound(): void {
    if (this.missing.length) throw unknownReferences(this.kind, this.missing);
  }
}
