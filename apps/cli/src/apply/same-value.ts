type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reference as the server returns it: `{id, slug, …}`. */
const isRef = (value: unknown): value is { id?: unknown; slug?: unknown } =>
  isObject(value) && ('slug' in value || 'id' in value);

/**
 * Whether a desired value (as written in an apply file) equals what the server returned.
 * A string matches a reference object by slug or id; lists of strings (tags, environment refs)
 * are compared as sets, other lists in order; an absent field matches null.
 */
export function sameValue(desired: unknown, actual: unknown): boolean {
  if (desired === undefined || desired === null) return actual === undefined || actual === null;
  if (typeof desired === 'string' && isRef(actual))
    return desired === actual.slug || desired === actual.id;
  if (Array.isArray(desired)) {
    if (!Array.isArray(actual) || actual.length !== desired.length) return false;
    if (desired.every((item) => typeof item === 'string')) return sameSet(desired, actual);
    return desired.every((item, index) => sameValue(item, actual[index]));
  }
  if (isObject(desired)) {
    if (!isObject(actual)) return false;
    const keys = new Set([...Object.keys(desired), ...Object.keys(actual)]);
    return [...keys].every((key) => sameValue(desired[key], actual[key]));
  }
  return desired === actual;
}

/** Two lists holding the same items in any order (each actual item used once). */
export function sameSet(desired: unknown[], actual: unknown[]): boolean {
  if (desired.length !== actual.length) return false;
  const left = [...actual];
  return desired.every((item) => {
    const index = left.findIndex((candidate) => sameValue(item, candidate));
    if (index < 0) return false;
    left.splice(index, 1);
    return true;
  });
}

/** Structural equality where order matters in lists and not in objects (for the step). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a))
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => deepEqual(item, b[index]))
    );
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = new Set(
      [...Object.keys(a), ...Object.keys(b)].filter(
        (key) => a[key] !== undefined || b[key] !== undefined,
      ),
    );
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return a === b;
}
