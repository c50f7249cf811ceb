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
  if (Array.isArray(value)) return value.map((item) => canonicalize(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  // The native sort (UTF-16 order, as compareKeys) is much faster when no key has a priority.
  if (keys.some((key) => RANK.has(key))) keys.sort(compareKeys);
  else keys.sort();
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = canonicalize(item);
  }
  return out as T;
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
  const metadata = (template as { Metadata?: { Gantry?: Record<string, unknown> } }).Metadata;
  let hashed: object = template;
  if (metadata?.Gantry && 'deploymentId' in metadata.Gantry) {
    const { deploymentId: _deploymentId, ...gantry } = metadata.Gantry;
    // Spreading over an existing key keeps its position, so the copy stays canonical.
    hashed = { ...template, Metadata: { ...metadata, Gantry: gantry } };
  }
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}

/** CloudFormation limits a template description to 1024 bytes; longer text is cut on a character boundary. */
export function fitDescription(text: string, maxBytes = 1024): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const characters = Array.from(text);
  while (Buffer.byteLength(characters.join('')) > maxBytes - 3) characters.pop();
  return `${characters.join('')}...`;
}
