import { templateProblems } from './cfn-schema-validator';

const service = (properties: Record<string, unknown>) => ({
  Parameters: { Tag: {} },
  Resources: { Service: { Type: 'AWS::ECS::Service', Properties: properties } },
});

describe('the schema check used on every rendered fixture', () => {
  it.each<[string, Record<string, unknown>, RegExp | null]>([
    [
      'a valid service with intrinsics',
      {
        Cluster: { Ref: 'Tag' },
        DesiredCount: { Ref: 'Tag' },
        ServiceName: { 'Fn::Sub': '${AWS::StackName}' },
      },
      null,
    ],
    [
      'a property the schema does not know',
      { Cluster: 'c', Replicas: 2 },
      /must NOT have additional properties.*Replicas/,
    ],
    ['a property of the wrong type', { DesiredCount: 'two' }, /DesiredCount: must be integer/],
    ['a read-only property', { Name: 'x' }, /Service\.Name is read-only/],
    [
      'an unknown nested property',
      { DeploymentConfiguration: { CircuitBreaker: {} } },
      /CircuitBreaker/,
    ],
    ['a Ref to nothing', { Cluster: { Ref: 'Missing' } }, /Ref refers to unknown 'Missing'/],
    [
      'a Fn::Sub variable that is not defined',
      { ServiceName: { 'Fn::Sub': 'x-${Missing}-${!Literal}' } },
      /Fn::Sub refers to unknown 'Missing'/,
    ],
  ])('%s', (_title, properties, expected) => {
    const problems = templateProblems(service(properties));
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(expected);
  });

  it('refuses a resource type with no copied schema', () => {
    expect(() =>
      templateProblems({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } } }),
    ).toThrow('no CloudFormation schema');
  });
});
