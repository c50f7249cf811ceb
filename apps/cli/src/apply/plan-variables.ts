import { sameSet } from './same-value';

type Json = Record<string, unknown>;

/** A variable as GET /api/projects/:ref/variables returns it (sensitive values are null). */
export interface StoredVariable {
  name: string;
  value: string | null;
  sensitive: boolean;
  scope: Record<string, string[] | undefined>;
}

export interface VariablesPlan {
  changed: boolean;
  /** The PUT body: the whole set. */
  body: { items: Json[] };
}

const DIMENSIONS = ['environments', 'tenants', 'channels', 'targets'];

/**
 * Compares a project's variables in the file with the stored set (PUT replaces the whole set).
 * A sensitive value cannot be read back, so a sensitive variable that already exists with the
 * same name and scope is sent as `value: null` (keep the stored value) and counts as unchanged —
 * unless `forceSecrets`, which sends every value given and always counts as a change.
 */
export function planVariables(
  desired: Json[],
  stored: StoredVariable[],
  options: { forceSecrets: boolean },
): VariablesPlan {
  const left = [...stored];
  let changed = desired.length !== stored.length;
  const items = desired.map(withStringValue).map((item) => {
    const sensitive = item.sensitive === true;
    const index = left.findIndex(
      (candidate) => candidate.name === item.name && sameScope(item.scope, candidate.scope),
    );
    const match = index >= 0 ? left.splice(index, 1)[0] : undefined;
    const value = item.value ?? null;
    if (!match || match.sensitive !== sensitive) {
      changed = true;
      return item;
    }
    if (!sensitive) {
      if (match.value !== value) changed = true;
      return item;
    }
    if (options.forceSecrets && value !== null) {
      changed = true;
      return item;
    }
    return { ...item, value: null };
  });
  return { changed, body: { items } };
}

/** YAML reads `value: 2` as a number; variables hold strings. */
function withStringValue(item: Json): Json {
  return typeof item.value === 'number' || typeof item.value === 'boolean'
    ? { ...item, value: String(item.value) }
    : item;
}

function sameScope(desired: unknown, stored: Record<string, string[] | undefined>): boolean {
  const given = (typeof desired === 'object' && desired !== null ? desired : {}) as Record<
    string,
    unknown
  >;
  return DIMENSIONS.every((dimension) => {
    const a = Array.isArray(given[dimension]) ? (given[dimension] as unknown[]) : [];
    const b = stored[dimension] ?? [];
    return sameSet(a, b);
  });
}
