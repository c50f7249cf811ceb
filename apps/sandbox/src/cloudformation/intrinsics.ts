import { validationError } from './cfn-error';

/** Marks a value removed by `Ref: AWS::NoValue`. */
export const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolvedResource {
  ref: string;
  attribute(name: string): string | undefined;
}

export interface ResolveContext {
  parameters: Record<string, string | string[]>;
  pseudo: Record<string, string>;
  conditions: Record<string, boolean>;
  mappings: Record<string, Record<string, Record<string, unknown>>>;
  /** A resource's Ref and attributes; undefined when the template does not define it. */
  resource(logicalId: string): ResolvedResource | undefined;
}

type Fn = (arg: unknown, ctx: ResolveContext) => unknown;

const asString = (v: unknown, fn: string): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw validationError(`Template error: every ${fn} object requires string values`);
};

const asList = (v: unknown, fn: string): unknown[] => {
  if (Array.isArray(v)) return v;
  throw validationError(`Template error: ${fn} requires a list`);
};

function ref(name: string, ctx: ResolveContext): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name in ctx.pseudo) return ctx.pseudo[name];
  if (name in ctx.parameters) return ctx.parameters[name];
  const resource = ctx.resource(name);
  if (!resource)
    throw validationError(
      `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
    );
  return resource.ref;
}

function getAtt(arg: unknown, ctx: ResolveContext): string {
  const parts =
    typeof arg === 'string'
      ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)]
      : asList(arg, 'Fn::GetAtt');
  const [logicalId, attr] = parts.map((p) => asString(resolve(p, ctx), 'Fn::GetAtt'));
  const resource = ctx.resource(logicalId);
  if (!resource)
    throw validationError(
      `Template error: instance of Fn::GetAtt references undefined resource ${logicalId}`,
    );
  const value = resource.attribute(attr);
  if (value === undefined)
    throw validationError(
      `Template error: resource ${logicalId} does not support attribute type ${attr} in Fn::GetAtt`,
    );
  return value;
}

function sub(arg: unknown, ctx: ResolveContext): string {
  const [text, vars] = Array.isArray(arg)
    ? [arg[0], (arg[1] ?? {}) as Record<string, unknown>]
    : [arg, {}];
  return asString(text, 'Fn::Sub').replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (name in vars) return asString(resolve(vars[name], ctx), 'Fn::Sub');
    if (name.includes('.') && !(name in ctx.pseudo)) return getAtt(name, ctx);
    const value = ref(name, ctx);
    return Array.isArray(value) ? value.join(',') : asString(value, 'Fn::Sub');
  });
}

const FUNCTIONS: Record<string, Fn> = {
  Ref: (arg, ctx) => ref(asString(arg, 'Ref'), ctx),
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': (arg, ctx) => {
    const [delimiter, list] = asList(arg, 'Fn::Join');
    return asList(resolve(list, ctx), 'Fn::Join')
      .map((v) => asString(resolve(v, ctx), 'Fn::Join'))
      .join(asString(delimiter, 'Fn::Join'));
  },
  'Fn::Select': (arg, ctx) => {
    const [index, list] = asList(arg, 'Fn::Select');
    const items = asList(resolve(list, ctx), 'Fn::Select');
    const i = Number(resolve(index, ctx));
    if (!Number.isInteger(i) || i < 0 || i >= items.length)
      throw validationError(
        'Template error: Fn::Select cannot select nonexistent value at index ' + i,
      );
    return resolve(items[i], ctx);
  },
  'Fn::Split': (arg, ctx) => {
    const [delimiter, text] = asList(arg, 'Fn::Split');
    return asString(resolve(text, ctx), 'Fn::Split').split(asString(delimiter, 'Fn::Split'));
  },
  'Fn::If': (arg, ctx) => {
    const [name, whenTrue, whenFalse] = asList(arg, 'Fn::If');
    const condition = ctx.conditions[asString(name, 'Fn::If')];
    if (condition === undefined)
      throw validationError(
        `Template format error: Unresolved condition dependency ${String(name)} in Fn::If`,
      );
    return resolve(condition ? whenTrue : whenFalse, ctx);
  },
  'Fn::Equals': (arg, ctx) => {
    const [a, b] = asList(arg, 'Fn::Equals').map((v) => resolve(v, ctx));
    return String(a) === String(b);
  },
  'Fn::And': (arg, ctx) => asList(arg, 'Fn::And').every((v) => resolve(v, ctx) === true),
  'Fn::Or': (arg, ctx) => asList(arg, 'Fn::Or').some((v) => resolve(v, ctx) === true),
  'Fn::Not': (arg, ctx) => resolve(asList(arg, 'Fn::Not')[0], ctx) !== true,
  Condition: (arg, ctx) => ctx.conditions[asString(arg, 'Condition')] === true,
  'Fn::FindInMap': (arg, ctx) => {
    const [map, top, second] = asList(arg, 'Fn::FindInMap').map((v) =>
      asString(resolve(v, ctx), 'Fn::FindInMap'),
    );
    const value = ctx.mappings[map]?.[top]?.[second];
    if (value === undefined)
      throw validationError(`Template error: Unable to get mapping for ${map}::${top}::${second}`);
    return value;
  },
  'Fn::GetAZs': (arg, ctx) => {
    const region = asString(resolve(arg, ctx), 'Fn::GetAZs') || ctx.pseudo['AWS::Region'];
    return ['a', 'b', 'c'].map((z) => region + z);
  },
  'Fn::Base64': (arg, ctx) =>
    Buffer.from(asString(resolve(arg, ctx), 'Fn::Base64')).toString('base64'),
  'Fn::ImportValue': (arg, ctx) => {
    throw validationError(`No export named ${String(resolve(arg, ctx))} found.`);
  },
};

/** Resolves every intrinsic function in a value; `Ref: AWS::NoValue` removes the key or item. */
export function resolve(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => resolve(v, ctx)).filter((v) => v !== NO_VALUE);
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && FUNCTIONS[entries[0][0]])
      return FUNCTIONS[entries[0][0]](entries[0][1], ctx);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const r = resolve(v, ctx);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }
  return value;
}

/** Evaluates the Conditions section in dependency order (a condition may use another). */
export function evaluateConditions(
  conditions: Record<string, unknown> | undefined,
  ctx: Omit<ResolveContext, 'conditions'>,
): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  const visiting = new Set<string>();
  const evalOne = (name: string): boolean => {
    if (name in result) return result[name];
    if (!conditions || !(name in conditions))
      throw validationError(`Template format error: Unresolved condition dependency ${name}`);
    if (visiting.has(name))
      throw validationError(`Template format error: Circular condition dependency ${name}`);
    visiting.add(name);
    const lazy = new Proxy({} as Record<string, boolean>, {
      get: (_t, key: string) => evalOne(key),
    });
    result[name] = resolve(conditions[name], { ...ctx, conditions: lazy }) === true;
    return result[name];
  };
  for (const name of Object.keys(conditions ?? {})) evalOne(name);
  return result;
}

/** Logical ids a value refers to through Ref, Fn::GetAtt and Fn::Sub (parameters and pseudo parameters included). */
export function referencedNames(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) referencedNames(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'Ref' && typeof v === 'string') out.add(v);
      else if (k === 'Fn::GetAtt') {
        const first = typeof v === 'string' ? v.split('.')[0] : Array.isArray(v) ? v[0] : undefined;
        if (typeof first === 'string') out.add(first);
      } else if (k === 'Fn::Sub') {
        const [text, vars] = Array.isArray(v) ? [v[0], v[1] ?? {}] : [v, {}];
        if (typeof text === 'string') {
          for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
            const name = m[1].split('.')[0];
            if (!(m[1] in (vars as object))) out.add(name.includes('::') ? m[1] : name);
          }
        }
        referencedNames(vars, out);
      } else referencedNames(v, out);
    }
  }
  return out;
}
