import { parallelGroups, stepExclusion, type StepPlace } from './step-conditions';
import { stepStackName } from './step-stack-name';

const step = (conditions: Partial<Record<string, string[]>> = {}) => ({
  slug: 's',
  environments: [],
  excludeEnvironments: [],
  tenantTags: [],
  channels: [],
  ...conditions,
});
const place = (overrides: Partial<StepPlace> = {}): StepPlace => ({
  environmentId: 'dev',
  tenant: null,
  channelSlug: 'default',
  ...overrides,
});
const gold = { tags: ['tier/gold', 'region/eu'] };

describe('stepExclusion', () => {
  it.each<[string, ReturnType<typeof step>, StepPlace, string | null]>([
    ['no condition', step(), place(), null],
    ['in its environments', step({ environments: ['dev', 'prod'] }), place(), null],
    ['outside its environments', step({ environments: ['prod'] }), place(), 'it runs only in PROD'],
    [
      'an excluded environment',
      step({ excludeEnvironments: ['dev'] }),
      place(),
      'it never runs in DEV',
    ],
    ['another excluded environment', step({ excludeEnvironments: ['prod'] }), place(), null],
    [
      'tenant tags, tenant matches',
      step({ tenantTags: ['tier/gold'] }),
      place({ tenant: gold }),
      null,
    ],
    [
      'tenant tags, every group must match',
      step({ tenantTags: ['tier/gold', 'region/us'] }),
      place({ tenant: gold }),
      'it runs only for tenants tagged tier/gold, region/us',
    ],
    [
      'tenant tags, untenanted deployment',
      step({ tenantTags: ['tier/gold'] }),
      place(),
      'it runs only for tenants tagged tier/gold, and this deployment is untenanted',
    ],
    ['its channel', step({ channels: ['hotfix'] }), place({ channelSlug: 'hotfix' }), null],
    [
      'another channel',
      step({ channels: ['hotfix'] }),
      place(),
      'it runs only for releases of channel hotfix',
    ],
  ])('%s', (_case, conditions, where, expected) => {
    const slugs = new Map([
      ['dev', 'DEV'],
      ['prod', 'PROD'],
    ]);
    expect(stepExclusion(conditions, { ...where, environmentSlugs: slugs })).toBe(expected);
  });
});

describe('parallelGroups', () => {
  const steps = (...flags: boolean[]) =>
    flags.map((parallelWithPrevious, index) => ({ index, parallelWithPrevious }));
  it.each<[boolean[], number[][]]>([
    [[false], [[0]]],
    [
      [false, false],
      [[0], [1]],
    ],
    [
      [false, true, true, false],
      [[0, 1, 2], [3]],
    ],
    [
      [false, false, true],
      [[0], [1, 2]],
    ],
    [[true, true], [[0, 1]]],
  ])('%j → %j', (flags, expected) => {
    expect(parallelGroups(steps(...flags)).map((group) => group.map((s) => s.index))).toEqual(
      expected,
    );
  });
});

describe('stepStackName', () => {
  it.each<[boolean, string | null, string]>([
    [true, null, 'gantry-shop-dev'],
    [true, 'acme', 'gantry-shop-dev-acme'],
    [false, null, 'gantry-shop-worker-dev'],
    [false, 'acme', 'gantry-shop-worker-dev-acme'],
  ])('legacy %s, tenant %s: %s', (legacyStackName, tenant, expected) => {
    expect(stepStackName('shop', { slug: 'worker', legacyStackName }, 'dev', tenant)).toBe(
      expected,
    );
  });

  it('stays within CloudFormation’s limit', () => {
    expect(stepStackName('p'.repeat(63), { slug: 's'.repeat(63) }, 'e'.repeat(63)).length).toBe(
      128,
    );
  });
});
