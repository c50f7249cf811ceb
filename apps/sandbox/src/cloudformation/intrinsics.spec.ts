import { evaluateConditions, referencedNames, resolve, type ResolveContext } from './intrinsics';

const ctx: ResolveContext = {
  parameters: { Env: 'prod', Tag: '1.2', Subnets: ['s-1', 's-2'] },
  pseudo: { 'AWS::Region': 'eu-west-1', 'AWS::StackName': 'web', 'AWS::AccountId': '123456789012' },
  conditions: { IsProd: true, IsDev: false },
  mappings: { Sizes: { prod: { Cpu: '512' } } },
  resource: (id) =>
    id === 'Svc'
      ? { ref: 'arn:svc', attribute: (n) => (n === 'Name' ? 'web-svc' : undefined) }
      : id === 'Logs'
        ? { ref: '/gantry/web', attribute: (n) => (n === 'Arn' ? 'arn:logs' : undefined) }
        : undefined,
};

describe('resolve', () => {
  it.each([
    [{ Ref: 'Env' }, 'prod'],
    [{ Ref: 'AWS::Region' }, 'eu-west-1'],
    [{ Ref: 'Svc' }, 'arn:svc'],
    [{ Ref: 'Subnets' }, ['s-1', 's-2']],
    [{ 'Fn::GetAtt': ['Svc', 'Name'] }, 'web-svc'],
    [{ 'Fn::GetAtt': 'Logs.Arn' }, 'arn:logs'],
    [{ 'Fn::Sub': 'nginx:${Tag}' }, 'nginx:1.2'],
    [{ 'Fn::Sub': '${AWS::StackName}-${Svc.Name}-${!Literal}' }, 'web-web-svc-${Literal}'],
    [{ 'Fn::Sub': ['${A}-${Env}', { A: { Ref: 'Logs' } }] }, '/gantry/web-prod'],
    [{ 'Fn::Join': [',', { Ref: 'Subnets' }] }, 's-1,s-2'],
    [{ 'Fn::Join': ['', ['a', { Ref: 'Env' }]] }, 'aprod'],
    [{ 'Fn::Select': [1, { Ref: 'Subnets' }] }, 's-2'],
    [{ 'Fn::Select': ['0', { 'Fn::Split': ['/', 'a/b'] }] }, 'a'],
    [{ 'Fn::If': ['IsProd', 3, 1] }, 3],
    [{ 'Fn::If': ['IsDev', 3, 1] }, 1],
    [{ 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, true],
    [{ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Cpu'] }, '512'],
    [{ 'Fn::GetAZs': '' }, ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']],
    [{ 'Fn::Base64': 'hi' }, 'aGk='],
    [{ A: 1, B: { 'Fn::If': ['IsDev', 2, { Ref: 'AWS::NoValue' }] } }, { A: 1 }],
    [
      [1, { Ref: 'AWS::NoValue' }, 2],
      [1, 2],
    ],
  ])('%j', (value, expected) => {
    expect(resolve(value, ctx)).toEqual(expected);
  });

  it.each([
    [{ Ref: 'Missing' }, 'Unresolved resource dependencies [Missing]'],
    [{ 'Fn::GetAtt': ['Svc', 'Nope'] }, 'does not support attribute type Nope'],
    [{ 'Fn::Select': [5, ['a']] }, 'Fn::Select cannot select nonexistent value at index 5'],
    [{ 'Fn::If': ['Unknown', 1, 2] }, 'Unresolved condition dependency Unknown'],
  ])('refuses %j', (value, message) => {
    expect(() => resolve(value, ctx)).toThrow(message);
  });
});

describe('evaluateConditions', () => {
  it('evaluates conditions that use other conditions', () => {
    const conditions = {
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      Both: {
        'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Or': [{ Condition: 'NotProd' }, true] }],
      },
    };
    expect(evaluateConditions(conditions, ctx)).toEqual({
      IsProd: true,
      NotProd: false,
      Both: true,
    });
  });
});

describe('referencedNames', () => {
  it.each([
    [{ Ref: 'A' }, ['A']],
    [{ 'Fn::GetAtt': ['B', 'Arn'] }, ['B']],
    [{ 'Fn::GetAtt': 'C.Name' }, ['C']],
    [{ 'Fn::Sub': '${D}-${E.Arn}-${!F}-${AWS::Region}' }, ['D', 'E', 'AWS::Region']],
    [{ 'Fn::Sub': ['${X}-${G}', { X: { Ref: 'H' } }] }, ['G', 'H']],
    [{ List: [{ Ref: 'I' }, { Nested: { Ref: 'J' } }] }, ['I', 'J']],
  ])('%j', (value, names) => {
    expect([...referencedNames(value)].sort()).toEqual([...names].sort());
  });
});
