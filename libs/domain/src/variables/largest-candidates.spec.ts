import { largestCandidates, type CandidatePlace } from './largest-candidates';
import type { VariableDefinition, VariableScope } from './variable.types';

const def = (value: string | null, scope: VariableScope = {}, sensitive = false) =>
  ({ name: 'Log', value, sensitive, scope }) satisfies VariableDefinition;

const untenanted: CandidatePlace = { environmentId: 'dev', channelId: 'main', tenantIds: [null] };
const twoTenants: CandidatePlace = {
  environmentId: 'dev',
  channelId: 'main',
  tenantIds: ['a', 'b'],
};
const oneTenant: CandidatePlace = { environmentId: 'dev', channelId: 'main', tenantIds: ['a'] };

describe('largestCandidates', () => {
  it.each<[string, VariableDefinition[], CandidatePlace, string | undefined, boolean]>([
    ['an unscoped value', [def('info')], untenanted, 'info', true],
    [
      'the environment-scoped value over a longer unscoped one (what resolves)',
      [def('a-much-longer-default'), def('dbg', { environments: ['dev'] })],
      untenanted,
      'dbg',
      true,
    ],
    [
      'the unscoped value when the long one is scoped to another environment',
      [def('info'), def('x'.repeat(100), { environments: ['prod'] })],
      untenanted,
      'info',
      true,
    ],
    [
      'the unscoped value when the long one is scoped to another channel',
      [def('info'), def('x'.repeat(100), { channels: ['hotfix'] })],
      untenanted,
      'info',
      true,
    ],
    [
      'no tenant-scoped value on an untenanted deployment',
      [def('info'), def('x'.repeat(100), { tenants: ['a'] })],
      untenanted,
      'info',
      true,
    ],
    [
      'no value of a tenant that does not deploy there',
      [def('info'), def('x'.repeat(100), { tenants: ['z'] })],
      twoTenants,
      'info',
      true,
    ],
    [
      'the largest value of the tenants deploying there (a bound)',
      [def('info'), def('x'.repeat(100), { tenants: ['b'] })],
      twoTenants,
      'x'.repeat(100),
      false,
    ],
    [
      "the only tenant's own value, exactly",
      [def('x'.repeat(100)), def('mine', { tenants: ['a'] })],
      oneTenant,
      'mine',
      true,
    ],
    [
      'the largest of the target-scoped values (a bound)',
      [def('info'), def('y'.repeat(50), { targets: ['t1'] })],
      untenanted,
      'y'.repeat(50),
      false,
    ],
    [
      'the largest in UTF-8 bytes, not characters',
      [def('ééé', { targets: ['t1'] }), def('abcd', { targets: ['t2'] })],
      untenanted,
      'ééé',
      false,
    ],
    ['a placeholder for a sensitive value', [def(null, {}, true)], untenanted, 'x', true],
    [
      'nothing for a name with no applicable value',
      [def('x', { environments: ['prod'] })],
      untenanted,
      undefined,
      true,
    ],
  ])('takes %s', (_, definitions, place, value, exact) => {
    const result = largestCandidates(definitions, place);
    expect(result.variables.find((variable) => variable.name === 'Log')?.value).toBe(value);
    expect(result.exact).toBe(exact);
    for (const variable of result.variables) expect(variable.scope).toEqual({});
  });
});
