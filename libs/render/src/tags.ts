import type { FieldError } from '@gantry/domain';
import type { FieldValues } from './field-values';
import type { CfnValue } from './template.types';

/** One resource tag before rendering. `literal` ones (Gantry's own) are never substituted. */
export interface TagEntry {
  key: string;
  value: string;
  path: string;
  literal: boolean;
}

/** Characters AWS accepts in tag keys and values (the resource schemas' pattern). */
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAGS = 50;

/** The user's tags with Gantry's own merged over them (a user tag with a Gantry key is replaced), by key. */
export function mergeTags(
  userTags: Record<string, string>,
  gantryTags: Record<string, { value: string; path: string }>,
): TagEntry[] {
  const entries = new Map<string, TagEntry>();
  for (const [key, value] of Object.entries(userTags))
    entries.set(key, { key, value, path: `step.tags.${key}`, literal: false });
  for (const [key, { value, path }] of Object.entries(gantryTags))
    entries.set(key, { key, value, path, literal: true });
  return [...entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Tag keys and values AWS would refuse, once substituted. */
export function checkTags(
  entries: readonly TagEntry[],
  values: FieldValues,
  problems: FieldError[],
): void {
  if (entries.length > MAX_TAGS)
    problems.push({
      path: 'step.tags',
      message: `at most ${MAX_TAGS} tags including Gantry's own, got ${entries.length}`,
    });
  for (const entry of entries) {
    const key = entry.literal ? entry.key : values.expand(entry.key);
    const value = entry.literal ? entry.value : values.expand(entry.value);
    if (key !== null && (key.length < 1 || key.length > 128 || !TAG_PATTERN.test(key))) {
      problems.push({
        path: entry.path,
        message: 'the tag key must be 1–128 letters, digits, spaces or _.:/=+-@ after substitution',
      });
    } else if (key !== null && key.toLowerCase().startsWith('aws:')) {
      problems.push({
        path: entry.path,
        message: "tag keys starting with 'aws:' are reserved by AWS",
      });
    }
    if (value !== null && (value.length > 256 || !TAG_PATTERN.test(value))) {
      problems.push({
        path: entry.path,
        message:
          'the tag value must be at most 256 letters, digits, spaces or _.:/=+-@ after substitution',
      });
    }
  }
}

/** `Tags` as CloudFormation wants them: `[{Key, Value}]`. */
export function renderTags(entries: readonly TagEntry[], values: FieldValues): CfnValue[] {
  return entries.map((entry) =>
    entry.literal
      ? { Key: entry.key, Value: entry.value }
      : { Key: values.text(entry.key), Value: values.text(entry.value) },
  );
}
