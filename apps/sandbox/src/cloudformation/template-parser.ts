import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { templateError } from './cfn-error';
import type { Template } from './cfn-types';

const FUNCTIONS_WITHOUT_PREFIX = new Set(['Ref', 'Condition']);

/** The long form of one short-form tag: `!Ref X` → `{Ref: X}`, `!GetAtt A.B` → `{"Fn::GetAtt": ["A","B"]}`. */
export function expandShortForm(tag: string, value: unknown): Record<string, unknown> {
  const name = tag.replace(/^!/, '');
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [FUNCTIONS_WITHOUT_PREFIX.has(name) ? name : `Fn::${name}`]: value };
}

function convert(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const n = node as Node;
  let value: unknown;
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = convert(pair.value);
    }
    value = out;
  } else if (isSeq(n)) {
    value = n.items.map(convert);
  } else if (isScalar(n)) {
    value = n.value;
  } else {
    value = null;
  }
  const tag = (n as { tag?: string }).tag;
  if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return expandShortForm(tag, value);
  return value;
}

/** Parses a template body in JSON or YAML (with CloudFormation's short-form tags). */
export function parseTemplate(body: string): Template {
  const trimmed = body.trimStart();
  let parsed: unknown;
  if (trimmed.startsWith('{')) {
    try {
      parsed = JSON.parse(body);
    } catch {
      throw templateError('JSON not well-formed.');
    }
  } else {
    const doc = parseDocument(body, { uniqueKeys: true, version: '1.1' });
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      throw templateError(
        `YAML not well-formed.${at ? ` (line ${at.line}, column ${at.col})` : ''}`,
      );
    }
    parsed = convert(doc.contents);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw templateError('unsupported structure.');
  }
  return parsed as Template;
}
