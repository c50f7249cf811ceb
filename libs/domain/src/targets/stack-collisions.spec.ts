import { thrownDomainError } from '../errors/domain-error.fixtures';
import {
  projectStackCollisionError,
  projectStackCollisions,
  stackCollision,
  stackCollisionError,
  targetAccount,
  type TargetPlacement,
} from './stack-collisions';

const base: TargetPlacement = {
  id: 'a',
  name: 'A',
  environmentIds: ['dev'],
  tags: ['web'],
  tenantedMode: 'untenanted',
  tenantIds: [],
  region: 'eu-west-1',
  cluster: 'main',
  credentialsType: 'default',
};
const other = (changes: Partial<TargetPlacement>): TargetPlacement => ({
  ...base,
  id: 'b',
  name: 'B',
  cluster: 'second',
  ...changes,
});

describe('targetAccount', () => {
  it.each<[string, Partial<TargetPlacement>, string]>([
    ['default credentials', {}, 'default credentials'],
    ['an access key', { credentialsType: 'keys', accessKeyId: 'AKIA1' }, 'access key AKIA1'],
    [
      'the account of the role',
      { credentialsType: 'assume-role', roleArn: 'arn:aws:iam::123456789012:role/deploy' },
      'account 123456789012',
    ],
    [
      'the account of the cluster ARN',
      { cluster: 'arn:aws:ecs:eu-west-1:210987654321:cluster/main' },
      'account 210987654321',
    ],
    ['the built-in sandbox', { credentialsType: 'sandbox' }, 'endpoint http://localhost:4566'],
    [
      'an endpoint, whatever the credentials',
      { credentialsType: 'keys', accessKeyId: 'x', endpoint: 'http://LOCALHOST:4566/' },
      'endpoint http://localhost:4566',
    ],
  ])('%s', (_case, changes, expected) => {
    expect(targetAccount({ ...base, ...changes }, 'http://localhost:4566')).toBe(expected);
  });
});

describe('stackCollision', () => {
  const role = (account: string) => ({
    credentialsType: 'assume-role' as const,
    roleArn: `arn:aws:iam::${account}:role/deploy`,
  });
  it.each<[string, Partial<TargetPlacement>, Partial<TargetPlacement>, boolean]>([
    ['same place, environment, tag and tenancy (another cluster)', {}, {}, true],
    ['the same cluster too', {}, { cluster: 'main' }, true],
    ['another region', {}, { region: 'eu-central-1' }, false],
    ['another environment', {}, { environmentIds: ['prod'] }, false],
    [
      'one shared environment of several',
      { environmentIds: ['dev', 'test'] },
      { environmentIds: ['test'] },
      true,
    ],
    ['no shared tag', {}, { tags: ['batch'] }, false],
    ['one shared tag of several', { tags: ['web', 'api'] }, { tags: ['api'] }, true],
    ['same role account', role('111111111111'), role('111111111111'), true],
    ['other role accounts', role('111111111111'), role('222222222222'), false],
    [
      'role and cluster ARN in one account',
      role('111111111111'),
      { cluster: 'arn:aws:ecs:eu-west-1:111111111111:cluster/x' },
      true,
    ],
    ['default credentials and a role', {}, role('111111111111'), false],
    [
      'same access key',
      { credentialsType: 'keys', accessKeyId: 'K1' },
      { credentialsType: 'keys', accessKeyId: 'K1' },
      true,
    ],
    [
      'other access keys',
      { credentialsType: 'keys', accessKeyId: 'K1' },
      { credentialsType: 'keys', accessKeyId: 'K2' },
      false,
    ],
    [
      'sandbox and its endpoint given explicitly',
      { credentialsType: 'sandbox' },
      { endpoint: 'http://localhost:4566' },
      true,
    ],
    [
      'sandbox and another endpoint',
      { credentialsType: 'sandbox' },
      { endpoint: 'http://localhost:4567' },
      false,
    ],
    ['untenanted and tenanted', {}, { tenantedMode: 'tenanted' }, false],
    ['untenanted and mixed', {}, { tenantedMode: 'mixed' }, true],
    [
      'tenanted, every tenant, both',
      { tenantedMode: 'tenanted' },
      { tenantedMode: 'tenanted' },
      true,
    ],
    [
      'tenanted, disjoint tenants',
      { tenantedMode: 'tenanted', tenantIds: ['acme'] },
      { tenantedMode: 'tenanted', tenantIds: ['globex'] },
      false,
    ],
    [
      'tenanted, one shared tenant',
      { tenantedMode: 'tenanted', tenantIds: ['acme', 'globex'] },
      { tenantedMode: 'mixed', tenantIds: ['globex'] },
      true,
    ],
    [
      'tenanted for some, and for all',
      { tenantedMode: 'tenanted', tenantIds: ['acme'] },
      { tenantedMode: 'tenanted' },
      true,
    ],
    ['itself', {}, { id: 'a' }, false],
  ])('%s', (_case, mine, theirs, collides) => {
    const collision = stackCollision({ ...base, ...mine }, other(theirs), {
      sandboxEndpoint: 'http://localhost:4566',
    });
    expect(collision !== null).toBe(collides);
  });

  it('says what is shared', () => {
    expect(
      stackCollision(
        {
          ...base,
          environmentIds: ['dev', 'test'],
          tenantedMode: 'mixed',
          tenantIds: ['acme', 'globex'],
        },
        other({ environmentIds: ['test', 'prod'], tenantedMode: 'mixed', tenantIds: ['globex'] }),
      ),
    ).toMatchObject({
      environmentIds: ['test'],
      tags: ['web'],
      tenancy: ['untenanted', 'globex'],
      place: 'default credentials, eu-west-1',
    });
  });

  it.each<[string, string[], string[], string[], string[]]>([
    ['tags of the project each carries', ['web'], ['batch'], ['web', 'batch'], ['web', 'batch']],
    ['a target the project does not select', ['web'], ['batch'], ['web'], []],
    ['a shared tag the project lacks', ['web'], ['web'], ['api'], []],
  ])('for a project: %s', (_case, tagsA, tagsB, projectTags, expected) => {
    const found = projectStackCollisions(
      [{ ...base, tags: tagsA }, other({ tags: tagsB })],
      projectTags,
    );
    expect(found.flatMap((collision) => collision.tags)).toEqual(expected);
  });
});

describe('stackCollisionError', () => {
  it('names the other target, the place, environment, tag and tenancy', () => {
    const collision = stackCollision(
      { ...base, tenantedMode: 'mixed', tenantIds: ['t1'] },
      other({ tenantedMode: 'mixed' }),
    );
    const error = thrownDomainError(() => {
      throw stackCollisionError(
        'A',
        [collision!],
        (id) => ({ dev: 'Development', t1: 'Acme' })[id],
      );
    });
    expect(error).toMatchObject({
      code: 'stack_collision',
      errors: [{ path: 'target', message: "collides with target 'B'" }],
      details: { others: [{ id: 'b', name: 'B', environmentIds: ['dev'] }] },
    });
    expect(error.message).toBe(
      "Target 'A' would deploy the same CloudFormation stacks as another target (a stack is named after project, environment and tenant, not after the target or cluster): target 'B' deploys the same stacks: same default credentials, eu-west-1, environment 'Development', tag 'web', untenanted deployments and tenant 'Acme'. Give one of them another region, account, environment, tag or tenants.",
    );
  });
});

describe('projectStackCollisionError', () => {
  it('names both targets and what they share, at targetTags', () => {
    const found = projectStackCollisions(
      [{ ...base, tags: ['web'] }, other({ tags: ['batch'] })],
      ['web', 'batch'],
    );
    const error = projectStackCollisionError('Shop', found);
    expect(error).toMatchObject({
      code: 'stack_collision',
      errors: [{ path: 'targetTags', message: "selects both 'A' and 'B'" }],
      details: { pairs: [{ targetId: 'a', otherId: 'b', tags: ['web', 'batch'] }] },
    });
    expect(error.message).toBe(
      "Project 'Shop' would deploy the same CloudFormation stack twice through its target tags (a stack is named after project, environment and tenant, not after the target or cluster): targets 'A' and 'B': same default credentials, eu-west-1, environment 'dev', tags 'web', 'batch', untenanted deployments. Drop one of the tags, or give one target another region, account, environment or tenants.",
    );
  });
});
