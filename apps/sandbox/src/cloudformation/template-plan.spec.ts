import {
  checkCapabilities,
  planTemplate,
  requiredCapabilities,
  validateTemplate,
} from './template-plan';
import type { Template } from './cfn-types';

const id = { region: 'eu-west-1', stackName: 's', stackId: 'arn:s' };

describe('validateTemplate', () => {
  it.each([
    [{}, 'At least one Resources member must be defined.'],
    [{ Resources: { A: {} } }, 'Every Resources object must contain a Type member.'],
    [
      { Resources: { A: { Type: 'AWS::Lambda::Function' }, B: { Type: 'AWS::S3::Bucket' } } },
      'Unrecognized resource types: [AWS::Lambda::Function, AWS::S3::Bucket]',
    ],
    [
      {
        Resources: {
          A: { Type: 'AWS::Logs::LogGroup', Properties: { X: { 'Fn::GetAtt': ['Ghost', 'Arn'] } } },
        },
      },
      'Unresolved resource dependencies [Ghost]',
    ],
  ])('%j', (template, message) => {
    expect(() => validateTemplate(template as Template)).toThrow(message);
  });
});

describe('requiredCapabilities', () => {
  it.each([
    [{ Resources: { L: { Type: 'AWS::Logs::LogGroup' } } }, []],
    [{ Resources: { R: { Type: 'AWS::IAM::Role' } } }, ['CAPABILITY_IAM']],
    [
      { Resources: { R: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'x' } } } },
      ['CAPABILITY_NAMED_IAM'],
    ],
  ])('%j', (template, expected) => {
    expect(requiredCapabilities(template as Template)).toEqual(expected);
  });

  it.each([
    [['CAPABILITY_IAM'], true],
    [['CAPABILITY_NAMED_IAM'], true],
    [[], false],
  ])('an unnamed role with %j passes: %s', (given, ok) => {
    const check = () => checkCapabilities({ Resources: { R: { Type: 'AWS::IAM::Role' } } }, given);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow('Requires capabilities : [CAPABILITY_IAM]');
  });
});

describe('planTemplate', () => {
  it('drops resources whose condition is false and orders the rest by dependency', () => {
    const body = JSON.stringify({
      Parameters: { Env: { Type: 'String', Default: 'dev' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: {
        Svc: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'Task' } } },
        Task: { Type: 'AWS::ECS::TaskDefinition', Properties: {} },
        Extra: { Type: 'AWS::Logs::LogGroup', Condition: 'IsProd' },
      },
    });
    const plan = planTemplate(body, [], id);
    expect(plan.order).toEqual(['Task', 'Svc']);
    expect(plan.conditions).toEqual({ IsProd: false });
    expect(planTemplate(body, [{ ParameterKey: 'Env', ParameterValue: 'prod' }], id).order).toEqual(
      ['Task', 'Svc', 'Extra'],
    );
  });
});
