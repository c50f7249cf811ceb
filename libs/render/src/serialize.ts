import { createHash } from 'node:crypto';
import { stringify } from 'yaml';

/** Keys that read best first (template sections, then a resource's Type and policies); the rest sort by name. */
const KEY_PRIORITY = [
  'AWSTemplateFormatVersion',
  'Type',
  'Name',
  'Key',
  'Description',
  'Metadata',
  'Parameters',
  'Conditions',
  'Resources',
  'Outputs',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Properties',
];
const RANK = new Map(KEY_PRIORITY.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const rankA = RANK.get(a) ?? KEY_PRIORITY.length;
  const rankB = RANK.get(b) ?? KEY_PRIORITY.length;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A deep copy with every object's keys in canonical order, so the same template always gives the
 * same bytes, however it was built or stored (PostgreSQL's jsonb reorders keys). Arrays keep their order.
 */
export function canonicalize<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) copy[index] = canonicalize(value[index]);
    return copy as T;
  }
  const keys = Object.keys(value);
  // Most objects are built in canonical order already: check before sorting. The native sort
  // (UTF-16 order, as compareKeys) is much faster when no key has a priority.
  if (hasPriorityKey(keys)) {
    if (!isSorted(keys, compareKeys)) keys.sort(compareKeys);
  } else if (!isSorted(keys, (a, b) => (a < b ? -1 : 1))) keys.sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = canonicalize(item);
  }
  return out as T;
}

function hasPriorityKey(keys: readonly string[]): boolean {
  for (const key of keys) if (RANK.has(key)) return true;
  return false;
}

function isSorted(keys: readonly string[], compare: (a: string, b: string) => number): boolean {
  for (let index = 1; index < keys.length; index += 1)
    if (compare(keys[index - 1], keys[index]) > 0) return false;
  return true;
}

/** The template as pretty JSON (2-space indent, canonical key order, trailing newline). */
export function toJson(template: object): string {
  return `${JSON.stringify(canonicalize(template), null, 2)}\n`;
}

/**
 * The template as YAML with long-form intrinsics (`Ref:`, `Fn::Sub:`), canonical key order, no
 * anchors and no folded lines. YAML 1.1 quoting, so `yes`, `on` or `0755` stay strings for
 * YAML 1.1 parsers too.
 */
export function toYaml(template: object): string {
  return stringify(canonicalize(template), {
    version: '1.1',
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}

/**
 * sha256 (hex) of the compact canonical JSON, leaving out `Metadata.Gantry.deploymentId`: two
 * deployments that would send the same template share a hash.
 */
export function templateHash(template: object): string {
  return hashCanonical(canonicalize(template));
}

/** {@link templateHash} of a template that is already canonical (as renderStack builds it). */
export function hashCanonical(template: object): string {
  return sha256(hashedText(template).compact);
}

/**
 * {@link hashCanonical} and the UTF-8 bytes of {@link toJson}'s text of a canonical template,
 * from one compact serialization: the pretty text differs from the compact one only by its
 * indentation, line breaks and the space after each colon, which {@link indentationBytes} counts.
 */
export function measureCanonical(template: object): { hash: string; jsonBytes: number } {
  const { compact, leftOutBytes } = hashedText(template);
  return {
    hash: sha256(compact),
    jsonBytes: Buffer.byteLength(compact) + leftOutBytes + indentationBytes(template, 0) + 1,
  };
}

/** The compact JSON that is hashed (no `Metadata.Gantry.deploymentId`), and the bytes it left out. */
function hashedText(template: object): { compact: string; leftOutBytes: number } {
  const metadata = (template as { Metadata?: { Gantry?: Record<string, unknown> } }).Metadata;
  if (!metadata?.Gantry || !('deploymentId' in metadata.Gantry))
    return { compact: JSON.stringify(template), leftOutBytes: 0 };
  const { deploymentId: _deploymentId, ...gantry } = metadata.Gantry;
  // Spreading over an existing key keeps its position, so the copy stays canonical.
  const hashed = { ...template, Metadata: { ...metadata, Gantry: gantry } };
  return {
    compact: JSON.stringify(hashed),
    leftOutBytes:
      Buffer.byteLength(JSON.stringify(metadata.Gantry)) -
      Buffer.byteLength(JSON.stringify(gantry)),
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * What `JSON.stringify(value, null, 2)` adds to `JSON.stringify(value)`: in each non-empty object
 * or array, a line break and the indentation before every member and before the closing bracket,
 * and a space after every key's colon. Members whose value JSON leaves out (undefined,
 * functions) add nothing.
 */
function indentationBytes(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  let nested = 0;
  if (Array.isArray(value)) {
    for (const member of value) nested += indentationBytes(member, depth + 1);
    count = value.length;
  } else {
    for (const key in value) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined || typeof member === 'function') continue;
      count += 1;
      nested += indentationBytes(member, depth + 1);
    }
  }
  if (count === 0) return 0;
  const perMember = 1 + 2 * (depth + 1) + (Array.isArray(value) ? 0 : 1);
  return count * perMember + 1 + 2 * depth + nested;
}

/** CloudFormation limits a template description to 1024 bytes; longer text is cut on a character boundary. */
export function fitDescription(text: string, maxBytes = 1024): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const characters = Array.from(text);
  while (Buffer.byteLength(characters.join('')) > maxBytes - 3) characters.pop();
  return `${characters.join('')}...`;
}
