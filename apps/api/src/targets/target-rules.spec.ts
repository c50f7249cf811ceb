import {
  credentialColumns,
  credentialProblems,
  CredentialsBody,
  StoredCredentials,
  targetProblems,
  TargetState,
} from './target-rules';

describe('credentialProblems', () => {
  it.each<[string, CredentialsBody, boolean, string[]]>([
    ['default alone', { type: 'default' }, false, []],
    ['sandbox alone', { type: 'sandbox' }, false, []],
    [
      'complete keys',
      { type: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's' },
      false,
      [],
    ],
    [
      'keys without a secret on create',
      { type: 'keys', accessKeyId: 'AKIAEXAMPLE' },
      false,
      ['secretAccessKey'],
    ],
    ['keys without a secret on update', { type: 'keys', accessKeyId: 'AKIAEXAMPLE' }, true, []],
    ['keys with nothing', { type: 'keys' }, false, ['accessKeyId', 'secretAccessKey']],
    [
      'keys with a role',
      { type: 'keys', accessKeyId: 'A', secretAccessKey: 's', roleArn: 'arn' },
      false,
      ['roleArn'],
    ],
    ['assume-role without a role', { type: 'assume-role', externalId: 'ext' }, false, ['roleArn']],
    [
      'assume-role with keys',
      { type: 'assume-role', roleArn: 'arn', accessKeyId: 'A', secretAccessKey: 's' },
      false,
      ['accessKeyId', 'secretAccessKey'],
    ],
    [
      'default with every field',
      { type: 'default', accessKeyId: 'A', secretAccessKey: 's', roleArn: 'r', externalId: 'e' },
      false,
      ['accessKeyId', 'secretAccessKey', 'roleArn', 'externalId'],
    ],
    ['nulls count as absent', { type: 'sandbox', accessKeyId: null, roleArn: null }, false, []],
  ])('%s', (_label, body, secretOptional, paths) => {
    expect(credentialProblems(body, secretOptional).map((problem) => problem.path)).toEqual(paths);
  });
});

describe('credentialColumns', () => {
  const storedKeys: StoredCredentials = {
    credentialsType: 'keys',
    accessKeyId: 'AKIAOLD',
    hasSecret: true,
  };

  it.each<
    [string, CredentialsBody, StoredCredentials | undefined, string | null | undefined, string[]]
  >([
    [
      'a new secret is written',
      { type: 'keys', accessKeyId: 'AKIAOLD', secretAccessKey: 'new' },
      storedKeys,
      'new',
      [],
    ],
    [
      'same key id without a secret keeps it',
      { type: 'keys', accessKeyId: 'AKIAOLD' },
      storedKeys,
      undefined,
      [],
    ],
    [
      'a new key id needs its secret',
      { type: 'keys', accessKeyId: 'AKIANEW' },
      storedKeys,
      undefined,
      ['credentials.secretAccessKey'],
    ],
    [
      'switching to keys needs a secret',
      { type: 'keys', accessKeyId: 'AKIAOLD' },
      { credentialsType: 'default', accessKeyId: null, hasSecret: false },
      undefined,
      ['credentials.secretAccessKey'],
    ],
    ['leaving keys clears the secret', { type: 'default' }, storedKeys, null, []],
    [
      'creating keys without a stored target needs a secret',
      { type: 'keys', accessKeyId: 'AKIA' },
      undefined,
      undefined,
      ['credentials.secretAccessKey'],
    ],
  ])('%s', (_label, body, stored, secret, paths) => {
    const { columns, problems } = credentialColumns(body, stored);
    expect(columns.secretAccessKey).toBe(secret);
    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });

  it('clears the fields of other types', () => {
    expect(
      credentialColumns({ type: 'assume-role', roleArn: 'arn:aws:iam::123456789012:role/deploy' })
        .columns,
    ).toEqual({
      credentialsType: 'assume-role',
      accessKeyId: null,
      secretAccessKey: null,
      roleArn: 'arn:aws:iam::123456789012:role/deploy',
      externalId: null,
    });
  });
});

describe('targetProblems', () => {
  const base: TargetState = {
    credentialsType: 'default',
    region: 'eu-west-1',
    cluster: 'main',
    tenantedMode: 'untenanted',
    tenantCount: 0,
  };

  it.each<[string, Partial<TargetState>, string[]]>([
    ['a plain target', {}, []],
    ['no region', { region: undefined }, ['region']],
    ['an untenanted target with tenants', { tenantCount: 2 }, ['tenants']],
    ['a tenanted target without tenants takes any tenant', { tenantedMode: 'tenanted' }, []],
    ['a tenanted target with tenants', { tenantedMode: 'tenanted', tenantCount: 1 }, []],
    ['a mixed target without tenants', { tenantedMode: 'mixed' }, []],
    [
      'a cluster ARN in the same region',
      { cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/main' },
      [],
    ],
    [
      'a cluster ARN in another region',
      { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/main' },
      ['cluster'],
    ],
  ])('%s', (_label, change, paths) => {
    expect(targetProblems({ ...base, ...change }).map((problem) => problem.path)).toEqual(paths);
  });
});
