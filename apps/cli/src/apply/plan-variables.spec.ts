import { planVariables, StoredVariable } from './plan-variables';

const stored: StoredVariable[] = [
  { name: 'LogLevel', value: 'info', sensitive: false, scope: {} },
  { name: 'LogLevel', value: 'warn', sensitive: false, scope: { environments: ['prod', 'test'] } },
  { name: 'DbPassword', value: null, sensitive: true, scope: { environments: ['prod'] } },
];
const desired = [
  { name: 'LogLevel', value: 'warn', scope: { environments: ['test', 'prod'] } },
  { name: 'DbPassword', value: 'hunter2', sensitive: true, scope: { environments: ['prod'] } },
  { name: 'LogLevel', value: 'info' },
];

describe('planVariables', () => {
  it('finds nothing to do when names, scopes and readable values match, keeping stored secrets', () => {
    const plan = planVariables(desired, stored, { forceSecrets: false });
    expect(plan.changed).toBe(false);
    expect(plan.body.items[1]).toEqual({
      name: 'DbPassword',
      value: null,
      sensitive: true,
      scope: { environments: ['prod'] },
    });
  });

  it.each([
    ['a changed value', [{ ...desired[0], value: 'debug' }, desired[1], desired[2]]],
    ['a removed variable', desired.slice(0, 2)],
    ['an added variable', [...desired, { name: 'Extra', value: 'x' }]],
    [
      'a changed scope',
      [{ ...desired[0], scope: { environments: ['prod'] } }, desired[1], desired[2]],
    ],
    ['a variable becoming sensitive', [desired[0], desired[1], { ...desired[2], sensitive: true }]],
  ])('sees %s', (_name, items) => {
    expect(planVariables(items, stored, { forceSecrets: false }).changed).toBe(true);
  });

  it('sends a secret for a new sensitive variable', () => {
    const plan = planVariables([{ name: 'Token', value: 't', sensitive: true }], [], {
      forceSecrets: false,
    });
    expect(plan).toEqual({
      changed: true,
      body: { items: [{ name: 'Token', value: 't', sensitive: true }] },
    });
  });

  it('sends every secret given with --force-secrets', () => {
    const plan = planVariables(desired, stored, { forceSecrets: true });
    expect(plan.changed).toBe(true);
    expect(plan.body.items[1]).toMatchObject({ value: 'hunter2' });
  });

  it('turns YAML numbers and booleans into strings', () => {
    const plan = planVariables(
      [
        { name: 'Count', value: 2 },
        { name: 'On', value: true },
      ],
      [],
      { forceSecrets: false },
    );
    expect(plan.body.items).toEqual([
      { name: 'Count', value: '2' },
      { name: 'On', value: 'true' },
    ]);
  });
});
