import { DomainError } from '@gantry/domain';
import { actorScopeGaps, assertActorScope } from './actor-scope';

const shop = { id: 'p-shop', slug: 'shop' };
const dev = { id: 'e-dev', slug: 'dev' };
const prod = { id: 'e-prod', slug: 'prod' };
const key = (
  role: 'admin' | 'deployer' | 'viewer',
  projects: string[],
  environments: string[],
) => ({ name: 'ci', role, projects, environments });

describe('actorScopeGaps', () => {
  it.each([
    ['unlimited deployer', key('deployer', [], []), [dev, prod], [], []],
    ['deployer limited to dev, deploying to dev', key('deployer', [], ['e-dev']), [dev], [], []],
    [
      'deployer limited to dev, deploying to prod',
      key('deployer', [], ['e-dev']),
      [prod],
      [],
      ['prod'],
    ],
    ['deployer limited to another project', key('deployer', ['p-other'], []), [dev], ['shop'], []],
    [
      'deployer limited on both',
      key('deployer', ['p-other'], ['e-dev']),
      [dev, prod],
      ['shop'],
      ['prod'],
    ],
    ['admin with lists is never limited', key('admin', ['p-other'], ['e-dev']), [prod], [], []],
  ])('%s', (_name, actor, environments, projects, missingEnvironments) => {
    const gaps = actorScopeGaps(actor, { project: shop, environments });
    expect(gaps.projects.map((r) => r.slug)).toEqual(projects);
    expect(gaps.environments.map((r) => r.slug)).toEqual(missingEnvironments);
  });
});

describe('assertActorScope', () => {
  it('throws forbidden naming what is missing', () => {
    let error: unknown;
    try {
      assertActorScope(key('deployer', [], ['e-dev']), { project: shop, environments: [prod] });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('forbidden');
    expect((error as DomainError).message).toBe(
      "The key 'ci' is not allowed to deploy to environment 'prod'.",
    );
    expect((error as DomainError).errors).toEqual([
      { path: 'environment', message: "the key is not allowed in environment 'prod'" },
    ]);
  });

  it('passes inside the limits', () => {
    expect(() =>
      assertActorScope(key('deployer', ['p-shop'], ['e-dev']), {
        project: shop,
        environments: [dev],
      }),
    ).not.toThrow();
  });
});
