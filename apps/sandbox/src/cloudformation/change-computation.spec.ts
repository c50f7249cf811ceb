import type { ResourceRecord, Stack } from './cfn-types';
import { computeChanges, hasNoChanges } from './change-computation';
import { planTemplate } from './template-plan';

const id = { region: 'eu-west-1', stackName: 'web', stackId: 'arn:stack/web/1' };
const tdArn = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1';

const body = (image: string, extra: Record<string, unknown> = {}, desired = 2) =>
  JSON.stringify({
    Parameters: { Tag: { Type: 'String', Default: '1' } },
    Resources: {
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'web' } },
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'web', ContainerDefinitions: [{ Image: image }] },
      },
      Svc: {
        Type: 'AWS::ECS::Service',
        Properties: { ServiceName: 'web', TaskDefinition: { Ref: 'Task' }, DesiredCount: desired },
      },
      ...extra,
    },
  });

const record = (
  logicalId: string,
  type: string,
  physicalId: string,
  properties: Record<string, unknown>,
): ResourceRecord => ({
  logicalId,
  type,
  physicalId,
  status: 'CREATE_COMPLETE',
  timestamp: '',
  properties,
  ref: physicalId,
  attributes: {},
});

function deployed(): Stack {
  return {
    templateBody: body('nginx:1'),
    parameters: [{ ParameterKey: 'Tag', ParameterValue: '1' }],
    resources: {
      Logs: record('Logs', 'AWS::Logs::LogGroup', 'web', { LogGroupName: 'web' }),
      Task: record('Task', 'AWS::ECS::TaskDefinition', tdArn, {
        Family: 'web',
        ContainerDefinitions: [{ Image: 'nginx:1' }],
      }),
      Svc: record('Svc', 'AWS::ECS::Service', 'arn:svc', {
        ServiceName: 'web',
        TaskDefinition: tdArn,
        DesiredCount: 2,
      }),
    },
  } as unknown as Stack;
}

const summary = (stack: Stack | undefined, template: string) =>
  computeChanges(stack, planTemplate(template, [], id)).map((c) => [
    c.Action,
    c.LogicalResourceId,
    c.Replacement ?? '-',
    c.Details.map((d) => (d.Target as { Name: string }).Name).join(','),
  ]);

describe('computeChanges', () => {
  it.each([
    [
      'a new stack adds everything',
      undefined,
      body('nginx:1'),
      [
        ['Add', 'Logs', '-', ''],
        ['Add', 'Task', '-', ''],
        ['Add', 'Svc', '-', ''],
      ],
    ],
    ['the same template changes nothing', deployed(), body('nginx:1'), []],
    [
      'a new image replaces the task definition and modifies the service',
      deployed(),
      body('nginx:2'),
      [
        ['Modify', 'Task', 'True', 'ContainerDefinitions'],
        ['Modify', 'Svc', 'False', 'TaskDefinition'],
      ],
    ],
    [
      'a desired count updates the service in place',
      deployed(),
      body('nginx:1', {}, 3),
      [['Modify', 'Svc', 'False', 'DesiredCount']],
    ],
    [
      'a new resource is added',
      deployed(),
      body('nginx:1', { Role: { Type: 'AWS::IAM::Role', Properties: {} } }),
      [['Add', 'Role', '-', '']],
    ],
    [
      'a dropped resource is removed',
      deployed(),
      JSON.stringify({
        Resources: { Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'web' } } },
      }),
      [
        ['Remove', 'Task', '-', ''],
        ['Remove', 'Svc', '-', ''],
      ],
    ],
    [
      'a renamed log group is replaced',
      deployed(),
      body('nginx:1').replace('"LogGroupName":"web"', '"LogGroupName":"web2"'),
      [['Modify', 'Logs', 'True', 'LogGroupName']],
    ],
  ])('%s', (_label, stack, template, expected) => {
    expect(summary(stack, template)).toEqual(expected);
  });

  it('marks a property fed by a replaced resource as a dynamic resource-reference change', () => {
    const svc = computeChanges(deployed(), planTemplate(body('nginx:2'), [], id)).find(
      (c) => c.LogicalResourceId === 'Svc',
    );
    expect(svc?.Details[0]).toEqual({
      Target: { Attribute: 'Properties', Name: 'TaskDefinition', RequiresRecreation: 'Never' },
      Evaluation: 'Dynamic',
      ChangeSource: 'ResourceReference',
      CausingEntity: 'Task',
    });
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChangeDetail.html
  it('names the parameter that changed a property as a static parameter-reference change', () => {
    const template = body('nginx:1').replace('"DesiredCount":2', '"DesiredCount":{"Ref":"Tag"}');
    const stack = { ...deployed(), templateBody: template };
    const [svc] = computeChanges(
      stack,
      planTemplate(template, [{ ParameterKey: 'Tag', ParameterValue: '3' }], id),
    );
    expect(svc).toMatchObject({ LogicalResourceId: 'Svc', Replacement: 'False' });
    expect(svc.Details).toEqual([
      {
        Target: { Attribute: 'Properties', Name: 'DesiredCount', RequiresRecreation: 'Never' },
        Evaluation: 'Static',
        ChangeSource: 'ParameterReference',
        CausingEntity: 'Tag',
      },
    ]);
  });
});

describe('hasNoChanges', () => {
  it.each([
    [body('nginx:1'), [], true],
    [body('nginx:1'), [{ ParameterKey: 'Tag', ParameterValue: '2' }], false],
  ])('%#', (template, params, expected) => {
    const plan = planTemplate(template, params, id);
    expect(hasNoChanges(deployed(), plan, computeChanges(deployed(), plan))).toBe(expected);
  });
});
