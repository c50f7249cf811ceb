import type { ResolvedVariables, VariableUse } from './variable.types';

/** A piece of a string field: literal text, or a `#{Name}` reference. */
export type TemplateSegment = { text: string; ref?: undefined } | { ref: string; text?: undefined };

const REFERENCE = /#\{([^}]*)\}/g;

/** Splits a string into literal text and `#{Name}` references (names trimmed), in order. */
export function parseTemplateString(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: text.slice(last, index) });
    segments.push({ ref: match[1].trim() });
    last = index + match[0].length;
  }
  if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last) });
  return segments;
}

/** The names a string refers to, in order of appearance, without duplicates. */
export function findVariableReferences(text: string): string[] {
  if (!text.includes('#{')) return [];
  const names = parseTemplateString(text).flatMap((segment) =>
    segment.ref === undefined ? [] : [segment.ref],
  );
  return [...new Set(names)];
}

/**
 * Every `#{Name}` in a plain-data value (strings, arrays, objects — object keys included), with
 * the dotted path of the field that holds it.
 */
export function collectVariableUses(value: unknown, path: string): VariableUse[] {
  const uses: VariableUse[] = [];
  walk(value, path, uses);
  return uses;
}

function walk(value: unknown, path: string, uses: VariableUse[]): void {
  if (typeof value === 'string') {
    for (const name of findVariableReferences(value)) uses.push({ name, path });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}.${index}`, uses));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = `${path}.${key}`;
      for (const name of findVariableReferences(key)) uses.push({ name, path: itemPath });
      walk(item, itemPath, uses);
    }
  }
}

/** Replaces every `#{Name}` with its resolved value; a name missing from `resolved` is an error. */
export function substituteVariables(text: string, resolved: ResolvedVariables): string {
  if (!text.includes('#{')) return text;
  return parseTemplateString(text)
    .map((segment) => {
      if (segment.ref === undefined) return segment.text;
      const variable = resolved.get(segment.ref);
      if (!variable) throw new Error(`variable '${segment.ref}' was not resolved`);
      return variable.value;
    })
    .join('');
}

/** Whether a string uses any variable that resolved as sensitive. */
export function usesSensitiveVariable(text: string, resolved: ResolvedVariables): boolean {
  return findVariableReferences(text).some((name) => resolved.get(name)?.sensitive === true);
}
