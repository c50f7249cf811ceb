import { DomainError } from '@gantry/domain';
import { convertStep, toJson } from './index';
import { at, containers } from '../test/navigate';
import { convertInput, shopVariables, singleContainerStep } from '../test/fixtures';

describe('convertStep', () => {
  const { template } = convertStep(
    convertInput({ images: { 'shop-web': '1.4.0', api: '1.4.1', migrate: '1.4.1' } }),
  );
  const web = containers(template);

  it.each<[string, object]>([
    ['LogLevel', { Type: 'String', Description: 'Gantry variable LogLevel', Default: 'info' }],
    ['DesiredCount', { Type: 'Number', Description: 'Gantry variable DesiredCount', Default: '1' }],
    ['TaskMemory', { Type: 'Number', Description: 'Gantry variable Task.Memory', Default: '2048' }],
    [
      'DbPassword',
      { Type: 'String', Description: 'Sensitive Gantry variable Db.Password', NoEcho: true },
    ],
    ['DbUrl', { Type: 'String', Description: 'Sensitive Gantry variable Db.Url', NoEcho: true }],
    [
      'GantryEnvironmentName',
      { Type: 'String', Description: 'Gantry variable Gantry.Environment.Name' },
    ],
    [
      'GantryReleaseNumber',
      { Type: 'String', Description: 'Gantry variable Gantry.Release.Number', Default: '1.4.0' },
    ],
    [
      'ClusterName',
      { Type: 'String', Description: 'Name of the ECS cluster that runs the service' },
    ],
  ])('declares the parameter %s', (name, expected) => {
    expect(template.Parameters[name]).toEqual(expected);
  });

  it('makes every image tag a parameter defaulting to the given tag', () => {
    expect(template.Parameters.ImageTagShopWeb.Default).toBe('1.4.0');
    expect(at(web[0], 'Image')).toEqual({
      'Fn::Sub': '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-web:${ImageTagShopWeb}',
    });
  });

  it('gives image tags no default when no tags are given', () => {
    const bare = convertStep(convertInput({ step: singleContainerStep, variables: [] })).template;
    expect(bare.Parameters.ImageTagWeb).not.toHaveProperty('Default');
  });

  it('refers to parameters with Ref for whole values and Fn::Sub for mixed text', () => {
    const service = template.Resources.Service.Properties;
    expect(service.DesiredCount).toEqual({ Ref: 'DesiredCount' });
    expect(at(web[0], 'Memory')).toEqual({ Ref: 'WebMemory' });
    expect(template.Resources.TaskDefinition.Properties.TaskRoleArn).toEqual({
      'Fn::Sub': 'arn:aws:iam::123456789012:role/shop-${GantryEnvironmentName}',
    });
    expect(service.Cluster).toEqual({ Ref: 'ClusterName' });
    expect(service.ServiceName).toEqual({ Ref: 'AWS::StackName' });
  });

  it('declares only parameters it uses, leaves no #{…} and no value of a scoped or sensitive variable', () => {
    const json = toJson(template);
    expect(json).not.toContain('#{');
    for (const leaked of ['dev-password', 'pr0d-$ecret', 'db.prod.internal', 'cc-hotfix'])
      expect(json).not.toContain(leaked);
    const referenced = new Set(
      [...json.matchAll(/"Ref": "([A-Za-z0-9]+)"|\$\{([A-Za-z0-9]+)\}/g)].map(
        (match) => match[1] ?? match[2],
      ),
    );
    for (const name of Object.keys(template.Parameters)) expect(referenced).toContain(name);
  });

  it('does not depend on Gantry ids for names, cluster or tags', () => {
    expect(toJson(template)).not.toMatch(/gantry-shop|gantry:environment|gantry:release/);
  });

  it.each([
    [
      'two unscoped values',
      [...shopVariables, { name: 'LogLevel', value: 'x', sensitive: false, scope: {} }],
      'ambiguous_variable',
    ],
    [
      'an undefined variable',
      shopVariables.filter((variable) => variable.name !== 'LogLevel'),
      'unresolved_variable',
    ],
  ])('refuses %s', (_title, variables, code) => {
    expect(() => convertStep(convertInput({ variables }))).toThrow(DomainError);
    try {
      convertStep(convertInput({ variables }));
    } catch (error) {
      expect((error as DomainError).code).toBe(code);
    }
  });
});
