/** CloudFormation's query protocol: form-encoded requests, XML responses. */
const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

type Tree = { [key: string]: Tree | string };

/**
 * Parses a form-encoded query body into nested objects, turning `X.member.N` into arrays:
 * `Parameters.member.1.ParameterKey=A` → `{ Parameters: [{ ParameterKey: 'A' }] }`.
 */
export function parseQuery(body: string): Record<string, unknown> {
  const root: Tree = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split('.');
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const next = node[path[i]];
      if (typeof next !== 'object') node[path[i]] = {};
      node = node[path[i]] as Tree;
    }
    const last = path[path.length - 1];
    if (typeof node[last] !== 'object') node[last] = value;
  }
  return normalize(root) as Record<string, unknown>;
}

function normalize(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member' && typeof node.member === 'object') {
    const members = node.member;
    return Object.keys(members)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => normalize(members[k]));
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = normalize(node[k]);
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"\r]/g, (c) =>
    c === '<'
      ? '&lt;'
      : c === '>'
        ? '&gt;'
        : c === '&'
          ? '&amp;'
          : c === "'"
            ? '&apos;'
            : c === '"'
              ? '&quot;'
              : '&#xD;',
  );
}

/** Serializes a value in the query protocol's XML: arrays as `<member>` lists, booleans as `true`/`false`. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    let out = '';
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      out += `<${k}>${toXml(v)}</${k}>`;
    }
    return out;
  }
  return escapeXml(String(value));
}

export function responseXml(
  action: string,
  result: Record<string, unknown> | undefined,
  requestId: string,
): string {
  const inner = result === undefined ? '' : `<${action}Result>${toXml(result)}</${action}Result>`;
  return (
    `<${action}Response xmlns="${XMLNS}">${inner}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function errorXml(
  code: string,
  message: string,
  requestId: string,
  type = 'Sender',
): string {
  return (
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
