import { DomainError } from '../errors/domain-error';
import { builtInVariables } from './variable-name';
import { resolveVariables, sensitiveValues } from './resolve-variables';
import type { ResolutionContext, VariableDefinition, VariableScope } from './variable.types';

const context: ResolutionContext = {
  environmentId: 'env-prod',
  tenantId: 'tenant-acme',
  channelId: 'ch-default',
  targetId: 'target-eu',
  builtIns: builtInVariables({
    environment: 'Production',
    tenant: 'Acme',
    release: '1.4.0',
    project: 'Shop',
    target: 'eu-cluster',
    channel: 'Default',
  }),
};
const untenanted: ResolutionContext = { ...context, tenantId: null };

const v = (
  name: string,
  value: string | null,
  scope: VariableScope = {},
  sensitive = false,
): VariableDefinition => ({ name, value, sensitive, scope });
const use = (...names: string[]) => names.map((name) => ({ name, path: 'step.field' }));

function resolveOne(name: string, variables: VariableDefinition[], ctx = context) {
  return resolveVariables(use(name), variables, ctx).get(name);
}

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('resolveVariables: precedence', () => {
  it.each<[string, VariableDefinition[], string]>([
    ['unscoped only', [v('X', 'plain')], 'plain'],
    [
      'channel beats unscoped',
      [v('X', 'plain'), v('X', 'channel', { channels: ['ch-default'] })],
      'channel',
    ],
    [
      'environment beats channel',
      [
        v('X', 'channel', { channels: ['ch-default'] }),
        v('X', 'env', { environments: ['env-prod'] }),
      ],
      'env',
    ],
    [
      'tenant beats environment',
      [
        v('X', 'env', { environments: ['env-prod'] }),
        v('X', 'tenant', { tenants: ['tenant-acme'] }),
      ],
      'tenant',
    ],
    [
      'target beats tenant',
      [
        v('X', 'tenant', { tenants: ['tenant-acme'] }),
        v('X', 'target', { targets: ['target-eu'] }),
      ],
      'target',
    ],
    [
      'two dimensions beat one, even the most specific one',
      [
        v('X', 'target', { targets: ['target-eu'] }),
        v('X', 'env+channel', { environments: ['env-prod'], channels: ['ch-default'] }),
      ],
      'env+channel',
    ],
    [
      'same count: the more specific dimension wins',
      [
        v('X', 'env+channel', { environments: ['env-prod'], channels: ['ch-default'] }),
        v('X', 'tenant+channel', { tenants: ['tenant-acme'], channels: ['ch-default'] }),
      ],
      'tenant+channel',
    ],
    [
      'a non-matching specific value is ignored',
      [v('X', 'plain'), v('X', 'dev', { environments: ['env-dev'] })],
      'plain',
    ],
    [
      'a value listing several environments matches any of them',
      [v('X', 'plain'), v('X', 'multi', { environments: ['env-dev', 'env-prod'] })],
      'multi',
    ],
    ['an empty dimension does not restrict', [v('X', 'empty', { environments: [] })], 'empty'],
    [
      'a null value is never a candidate',
      [v('X', 'plain'), v('X', null, { environments: ['env-prod'] })],
      'plain',
    ],
  ])('%s', (_title, variables, expected) => {
    expect(resolveOne('X', variables)?.value).toBe(expected);
  });

  it('never matches a tenant-scoped value on an untenanted deployment', () => {
    const variables = [v('X', 'plain'), v('X', 'tenant', { tenants: ['tenant-acme'] })];
    expect(resolveOne('X', variables, untenanted)?.value).toBe('plain');
  });
});

describe('resolveVariables: nesting, built-ins and sensitivity', () => {
  it('expands nested references and built-ins', () => {
    const variables = [
      v('Url', 'https://#{Host}/#{Gantry.Environment.Name}'),
      v('Host', '#{Prefix}.example.com'),
      v('Prefix', 'api'),
    ];
    expect(resolveOne('Url', variables)).toEqual({
      name: 'Url',
      value: 'https://api.example.com/Production',
      sensitive: false,
      builtIn: false,
    });
  });

  it.each([
    ['Gantry.Tenant.Name', 'Acme'],
    ['Gantry.Release.Number', '1.4.0'],
    ['Gantry.Project.Name', 'Shop'],
    ['Gantry.Target.Name', 'eu-cluster'],
    ['Gantry.Channel.Name', 'Default'],
  ])('knows the built-in %s', (name, expected) => {
    expect(resolveOne(name, [])).toMatchObject({ value: expected, builtIn: true });
  });

  it('gives an untenanted deployment an empty tenant name', () => {
    const builtIns = builtInVariables({
      environment: 'Dev',
      tenant: null,
      release: '1',
      project: 'P',
      target: null,
      channel: 'C',
    });
    expect(builtIns['Gantry.Tenant.Name']).toBe('');
  });

  it('marks a value that refers to a sensitive variable as sensitive', () => {
    const variables = [
      v('Conn', 'postgres://app:#{Password}@db'),
      v('Password', 's3cret', {}, true),
      v('Plain', 'x'),
    ];
    const resolved = resolveVariables(use('Conn', 'Plain'), variables, context);
    expect(resolved.get('Conn')).toMatchObject({
      value: 'postgres://app:s3cret@db',
      sensitive: true,
    });
    expect(resolved.get('Password')?.sensitive).toBe(true);
    expect(resolved.get('Plain')?.sensitive).toBe(false);
    expect(sensitiveValues(resolved).sort()).toEqual(['postgres://app:s3cret@db', 's3cret']);
  });

  it('resolves only what is used: an unused ambiguous variable blocks nothing', () => {
    const variables = [v('Used', 'ok'), v('Unused', 'a'), v('Unused', 'b')];
    expect([...resolveVariables(use('Used'), variables, context).keys()]).toEqual(['Used']);
  });
});

describe('resolveVariables: failures', () => {
  it.each<[string, VariableDefinition[], string[], string, string[]]>([
    ['an undefined variable', [], ['Missing'], 'unresolved_variable', ['step.field']],
    [
      'a variable with no value in scope',
      [v('X', 'dev', { environments: ['env-dev'] })],
      ['X'],
      'unresolved_variable',
      ['step.field'],
    ],
    [
      'a nested undefined variable',
      [v('A', '#{B}')],
      ['A'],
      'unresolved_variable',
      ['variables.A'],
    ],
    [
      'two unscoped values',
      [v('X', 'a'), v('X', 'b')],
      ['X'],
      'ambiguous_variable',
      ['step.field'],
    ],
    [
      'two values on the same dimensions',
      [
        v('X', 'a', { environments: ['env-prod'] }),
        v('X', 'b', { environments: ['env-prod', 'env-dev'] }),
      ],
      ['X'],
      'ambiguous_variable',
      ['step.field'],
    ],
    ['a self reference', [v('A', 'x#{A}')], ['A'], 'variable_cycle', ['variables.A']],
    [
      'a longer cycle',
      [v('A', '#{B}'), v('B', '#{C}'), v('C', '#{A}')],
      ['A'],
      'variable_cycle',
      ['variables.A'],
    ],
  ])('refuses %s', (_title, variables, names, code, paths) => {
    const error = failure(() => resolveVariables(use(...names), variables, context));
    expect(error.code).toBe(code);
    expect(error.errors.map((item) => item.path)).toEqual(paths);
  });

  it('names every problem and the candidates of an ambiguous variable', () => {
    const variables = [
      v('Amb', 'a', { environments: ['env-prod'] }),
      v('Amb', 'b', { environments: ['env-prod'] }),
      v('Loop', '#{Loop}'),
    ];
    const error = failure(() =>
      resolveVariables(
        [...use('Missing', 'Amb'), { name: 'Loop', path: 'step.other' }],
        variables,
        context,
      ),
    );
    expect(error.code).toBe('unresolved_variable');
    expect(error.details).toEqual({ variables: ['Missing', 'Amb', 'Loop'] });
    expect(error.errors).toEqual([
      { path: 'step.field', message: '#{Missing} is not a variable of this project' },
      {
        path: 'step.field',
        message:
          '#{Amb} has 2 equally specific values (environments [env-prod] | environments [env-prod])',
      },
      { path: 'variables.Loop', message: 'variable cycle: #{Loop} → #{Loop}' },
    ]);
  });

  it('names the cycle in order', () => {
    const error = failure(() =>
      resolveVariables(use('A'), [v('A', '#{B}'), v('B', '#{A}')], context),
    );
    expect(error.message).toContain('#{A} → #{B} → #{A}');
  });
});

describe('resolveVariables: bounded expansion', () => {
  it('refuses a value that nested references blow up past a template size, naming the variable', () => {
    // L0 is 64 bytes; each level doubles the one below: L20 would be 64 MB.
    const levels = Array.from({ length: 21 }, (_, i) =>
      v(`L${i}`, i === 0 ? 'x'.repeat(64) : `#{L${i - 1}}#{L${i - 1}}`),
    );
    const error = failure(() => resolveVariables(use('L20'), levels, context));
    expect(error.code).toBe('variable_too_large');
    expect(error.errors).toEqual([
      {
        path: 'variables.L10',
        message:
          '#{L10} expands to more than 51,200 bytes, the most a CloudFormation template may hold',
      },
    ]);
    expect(error.details.variables).toEqual(['L10']);
  });

  it.each<[string, number, string, string]>([
    // A chain thousands deep overflowed the stack (RangeError, a 500) before the nesting bound.
    [
      'references nested deeper than 32',
      5_000,
      'short',
      '#{L4967} is nested more than 32 references deep (#{L4999} → … → #{L4967})',
    ],
    // 25 levels of 50 KB each: every value fits, the 1.25 MB of work in all does not.
    [
      'more than 1 MiB of values in all',
      25,
      'z'.repeat(50_000),
      '#{L20}: the variables it refers to expand to more than 1,048,576 bytes in all, far more than a CloudFormation template may hold (51,200)',
    ],
  ])('refuses %s, naming the variable', (_case, depth, bottom, message) => {
    const chain = Array.from({ length: depth }, (_, i) =>
      v(`L${i}`, i === 0 ? bottom : `#{L${i - 1}}`),
    );
    const error = failure(() => resolveVariables(use(`L${depth - 1}`), chain, context));
    expect(error.code).toBe('variable_too_large');
    expect(error.errors.map((e) => e.message)).toEqual([message]);
  });

  it('keeps a large value that still fits', () => {
    expect(
      resolveOne('Big', [v('Big', '#{Half}#{Half}'), v('Half', 'y'.repeat(25_000))]),
    ).toMatchObject({
      value: 'y'.repeat(50_000),
    });
  });
});
