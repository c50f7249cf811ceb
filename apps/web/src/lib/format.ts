/** A timestamp as people read it, in their own time zone. */
export function when(at: string | null | undefined): string {
  if (!at) return '—';
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** How long from `start` to `end` (or now). */
export function took(start: string | null | undefined, end?: string | null): string {
  if (!start) return '—';
  const ms = (end ? new Date(end) : new Date()).getTime() - new Date(start).getTime();
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Select options naming things by slug: `{value: slug, label: name}`. */
export function slugOptions(items: readonly { slug: string; name: string }[]) {
  return items.map((item) => ({ value: item.slug, label: item.name }));
}

/** The slugs a scope names, or what an empty scope means (`every project`). */
export function slugsOr(refs: readonly { slug: string }[], whenEmpty: string): string {
  return refs.length ? refs.map((ref) => ref.slug).join(', ') : whenEmpty;
}

/** A comma-separated input as its items, trimmed, empty ones dropped. */
export function commaSeparated(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
