import { lifecycleProblems, toLifecyclePhases } from './lifecycle-problems';
import { defaultLifecyclePhases } from './default-lifecycle';
import type { LifecyclePhaseInput } from './lifecycle.types';

const p = (
  name: string,
  environments: string[],
  extra: Partial<LifecyclePhaseInput> = {},
): LifecyclePhaseInput => ({ name, environments, ...extra });

describe('lifecycleProblems', () => {
  it.each<[string, LifecyclePhaseInput[], string[]]>([
    [
      'a valid lifecycle',
      [
        p('Dev', ['dev'], { automatic: ['dev'] }),
        p('Test', ['a', 'b'], { minimumEnvironmentsBeforePromotion: 2, optional: true }),
      ],
      [],
    ],
    ['no phase', [], ['phases: a lifecycle needs at least one phase']],
    ['an empty phase name', [p(' ', ['dev'])], ['phases.0.name: must not be empty']],
    [
      'a duplicate phase name',
      [p('Dev', ['dev']), p(' dev', ['test'])],
      ["phases.1.name: phase name ' dev' is already used by phases.0"],
    ],
    [
      'a phase without environments',
      [p('Dev', [])],
      ['phases.0.environments: a phase needs at least one environment'],
    ],
    [
      'an environment in two phases',
      [p('Dev', ['dev']), p('Test', ['test', 'dev'])],
      ["phases.1.environments.1: environment 'Development' is already in phase 'Dev'"],
    ],
    [
      'an environment twice in one phase',
      [p('Dev', ['dev', 'dev'])],
      ["phases.0.environments.1: environment 'Development' is already in phase 'Dev'"],
    ],
    [
      'automatic outside the phase',
      [p('Dev', ['dev']), p('Test', ['test'], { automatic: ['test', 'dev'] })],
      ["phases.1.automatic.1: environment 'Development' is not one of this phase's environments"],
    ],
    [
      'automatic listed twice',
      [p('Dev', ['dev'], { automatic: ['dev', 'dev'] })],
      ["phases.0.automatic.1: environment 'Development' is listed twice"],
    ],
    [
      'minimum above the count',
      [p('Test', ['a', 'b'], { minimumEnvironmentsBeforePromotion: 3 })],
      [
        'phases.0.minimumEnvironmentsBeforePromotion: must be a whole number from 0 (all) to 2, the number of environments in the phase',
      ],
    ],
    [
      'negative minimum',
      [p('Test', ['a'], { minimumEnvironmentsBeforePromotion: -1 })],
      [
        'phases.0.minimumEnvironmentsBeforePromotion: must be a whole number from 0 (all) to 1, the number of environments in the phase',
      ],
    ],
    [
      'fractional minimum',
      [p('Test', ['a', 'b'], { minimumEnvironmentsBeforePromotion: 1.5 })],
      [
        'phases.0.minimumEnvironmentsBeforePromotion: must be a whole number from 0 (all) to 2, the number of environments in the phase',
      ],
    ],
    [
      'minimum equal to the count',
      [p('Test', ['a', 'b'], { minimumEnvironmentsBeforePromotion: 2 })],
      [],
    ],
    [
      'several problems at once',
      [
        p('', ['dev'], { automatic: ['x'] }),
        p('B', ['dev'], { minimumEnvironmentsBeforePromotion: 5 }),
      ],
      [
        'phases.0.name: must not be empty',
        "phases.0.automatic.0: environment 'x' is not one of this phase's environments",
        "phases.1.environments.0: environment 'Development' is already in phases.0",
        'phases.1.minimumEnvironmentsBeforePromotion: must be a whole number from 0 (all) to 1, the number of environments in the phase',
      ],
    ],
  ])('%s', (_case, phases, expected) => {
    const problems = lifecycleProblems(phases, { dev: 'Development' });
    expect(problems.map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });
});

describe('toLifecyclePhases', () => {
  it.each([
    [
      p('Dev', ['dev']),
      {
        name: 'Dev',
        environments: ['dev'],
        automatic: [],
        minimumEnvironmentsBeforePromotion: 0,
        optional: false,
      },
    ],
    [
      p('Test', ['a', 'b'], {
        automatic: ['a'],
        minimumEnvironmentsBeforePromotion: 1,
        optional: true,
      }),
      {
        name: 'Test',
        environments: ['a', 'b'],
        automatic: ['a'],
        minimumEnvironmentsBeforePromotion: 1,
        optional: true,
      },
    ],
  ])('applies defaults to %j', (input, expected) => {
    expect(toLifecyclePhases([input])).toEqual([expected]);
  });
});

describe('defaultLifecyclePhases', () => {
  it.each([
    [[], []],
    [
      [
        { id: 'e1', name: 'Dev' },
        { id: 'e2', name: 'Prod' },
      ],
      [
        {
          name: 'Dev',
          environments: ['e1'],
          automatic: [],
          minimumEnvironmentsBeforePromotion: 0,
          optional: false,
        },
        {
          name: 'Prod',
          environments: ['e2'],
          automatic: [],
          minimumEnvironmentsBeforePromotion: 0,
          optional: false,
        },
      ],
    ],
  ])('puts every environment in its own phase, in order: %j', (environments, expected) => {
    expect(defaultLifecyclePhases(environments)).toEqual(expected);
  });

  it('yields a lifecycle that passes validation', () => {
    expect(
      lifecycleProblems(
        defaultLifecyclePhases([
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
        ]),
      ),
    ).toEqual([]);
  });
});
